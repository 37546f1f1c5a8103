package dev.market.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.domain.ContractService;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Endpoints 5 to 14 of docs/protocol.md section 4: HTTP only, the rules are in {@link
 * ContractService}.
 */
final class ContractHandlers {
  private final ContractService contracts;

  ContractHandlers(ContractService contracts) {
    this.contracts = contracts;
  }

  void create(Context ctx, String signer) {
    byte[] body = RequestFilter.body(ctx);
    Envelope.ok(
        ctx,
        contracts.create(
            signer,
            () -> Bodies.bind(Bodies.object(body), RentalRequest.class),
            ctx.header("Idempotency-Key"),
            sha256(body)));
  }

  void get(Context ctx, String signer) {
    Envelope.ok(ctx, WireModel.toWire(contracts.contract(signer, ctx.pathParam("id"))));
  }

  void renterContracts(Context ctx, String signer) {
    Envelope.ok(
        ctx, WireModel.contracts(contracts.renterContracts(signer, ctx.pathParam("pubkey"))));
  }

  void providerContracts(Context ctx, String signer) {
    Envelope.ok(
        ctx, WireModel.contracts(contracts.providerContracts(signer, ctx.pathParam("pubkey"))));
  }

  void pending(Context ctx, String signer) {
    Envelope.ok(ctx, WireModel.contracts(contracts.pendingRequests(signer)));
  }

  void cancel(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    String memo = Bodies.optString(body, "memo");
    Envelope.ok(ctx, contracts.cancel(signer, ctx.pathParam("id"), memo));
  }

  void respond(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    boolean accept = Bodies.requiredBoolean(body, "accept");
    String memo = Bodies.optString(body, "memo");
    Envelope.ok(ctx, contracts.respond(signer, ctx.pathParam("id"), accept, memo));
  }

  void provisioning(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    String status = Bodies.requiredString(body, "status");
    String details = Bodies.optString(body, "instanceDetails");
    Envelope.ok(
        ctx,
        contracts.provision(signer, ctx.pathParam("id"), ContractStatus.parse(status), details));
  }

  void credentials(Context ctx, String signer) {
    Envelope.ok(ctx, contracts.credentials(signer, ctx.pathParam("id")));
  }

  void events(Context ctx, String signer) {
    Envelope.ok(
        ctx,
        contracts.events(signer, ctx.pathParam("id")).stream().map(WireModel::toWire).toList());
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
