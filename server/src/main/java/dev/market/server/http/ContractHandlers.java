package dev.market.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.error.ErrorCode;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.ServerConfig;
import dev.market.server.domain.ContractService;
import dev.market.server.domain.MarketStore;
import dev.market.server.domain.ProvisioningReport;
import dev.market.server.domain.validation.Limits;
import dev.market.server.domain.validation.Text;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Endpoints 5 to 14 of docs/protocol.md section 4: HTTP only, the rules are in {@link
 * ContractService}.
 */
final class ContractHandlers {
  private final ServerConfig config;
  private final MarketStore store;
  private final ContractService contracts;
  private final LongSupplier nowNs;

  ContractHandlers(
      ServerConfig config, MarketStore store, ContractService contracts, LongSupplier nowNs) {
    this.config = config;
    this.store = store;
    this.contracts = contracts;
    this.nowNs = nowNs;
  }

  void create(Context ctx, String signer) {
    if (config.rateLimitsEnabled()) {
      long wait =
          store.takeSharedToken(
              "rent:" + signer,
              config.signerRentsPerMinute() / 60.0,
              config.signerRentBurst(),
              nowNs.getAsLong());
      if (wait > 0) {
        throw new ApiError(ErrorCode.RATE_LIMITED, "too many rental requests from this key", wait);
      }
    }
    byte[] body = Routes.body(ctx);
    RentalRequest req = Bodies.bind(Bodies.object(body), RentalRequest.class);
    String key = Text.check("Idempotency-Key", ctx.header("Idempotency-Key"));
    Envelope.ok(ctx, contracts.create(signer, req, key, sha256(body)));
  }

  void get(Context ctx, String signer) {
    Envelope.ok(ctx, contracts.contract(signer, ctx.pathParam("id")));
  }

  void renterContracts(Context ctx, String signer) {
    Envelope.ok(ctx, contracts.renterContracts(signer, ctx.pathParam("pubkey")));
  }

  void providerContracts(Context ctx, String signer) {
    Envelope.ok(ctx, contracts.providerContracts(signer, ctx.pathParam("pubkey")));
  }

  void pending(Context ctx, String signer) {
    Envelope.ok(ctx, contracts.pendingRequests(signer));
  }

  void cancel(Context ctx, String signer) {
    ObjectNode body = Bodies.object(Routes.body(ctx));
    String memo = Bodies.optString(body, "memo");
    Envelope.ok(ctx, contracts.cancel(signer, ctx.pathParam("id"), memo));
  }

  void respond(Context ctx, String signer) {
    ObjectNode body = Bodies.object(Routes.body(ctx));
    boolean accept = Bodies.requiredBoolean(body, "accept");
    String memo = Bodies.optString(body, "memo");
    Envelope.ok(ctx, contracts.respond(signer, ctx.pathParam("id"), accept, memo));
  }

  void provisioning(Context ctx, String signer) {
    ObjectNode body = Bodies.object(Routes.body(ctx));
    String raw = Bodies.requiredString(body, "status");
    ContractStatus status = ContractStatus.parse(raw);
    if (status == ContractStatus.UNKNOWN) {
      throw ApiError.invalid(
          "status", "must be provisioning, provisioned, active, provisioningfailed or cancelled");
    }
    String details = Bodies.optString(body, "instanceDetails");
    if (details != null
        && details.getBytes(StandardCharsets.UTF_8).length > Limits.INSTANCE_DETAILS_BYTES) {
      throw ApiError.invalid("instanceDetails", "is longer than 8 KiB");
    }
    String rootPassword = null;
    if (status == ContractStatus.PROVISIONED && details != null && !details.isBlank()) {
      // docs/protocol.md section 7: the secret is split off here and only ever stored
      // encrypted to the renter
      JsonNode parsed;
      try {
        parsed = Json.mapper().readTree(details);
      } catch (JsonProcessingException e) {
        throw ApiError.invalid("instanceDetails", "must be a JSON object string");
      }
      if (parsed == null || !parsed.isObject()) {
        throw ApiError.invalid("instanceDetails", "must be a JSON object string");
      }
      JsonNode pw = ((ObjectNode) parsed).remove("root_password");
      if (pw != null && !pw.isNull()) {
        if (!pw.isTextual()) {
          throw ApiError.invalid("instanceDetails.root_password", "must be a string");
        }
        rootPassword = pw.textValue();
      }
      try {
        details = Json.mapper().writeValueAsString(parsed);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    Envelope.ok(
        ctx,
        contracts.provision(
            signer, ctx.pathParam("id"), new ProvisioningReport(status, details, rootPassword)));
  }

  void credentials(Context ctx, String signer) {
    Envelope.ok(ctx, contracts.credentials(signer, ctx.pathParam("id")));
  }

  void events(Context ctx, String signer) {
    Envelope.ok(ctx, contracts.events(signer, ctx.pathParam("id")));
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
