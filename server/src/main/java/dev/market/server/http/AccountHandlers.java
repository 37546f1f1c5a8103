package dev.market.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.server.domain.Account;
import dev.market.server.domain.AccountService;
import dev.market.server.domain.DomainException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Endpoints 15 to 18 and 20 of docs/protocol.md section 4: HTTP only, the rules are in {@link
 * AccountService}.
 */
final class AccountHandlers {
  private final AccountService accounts;

  AccountHandlers(AccountService accounts) {
    this.accounts = accounts;
  }

  /** {@code POST /accounts}: Decent Cloud's {@code RegisterAccountRequest}, camel case. */
  void register(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    Account a =
        accounts.register(
            signer,
            Bodies.optString(body, "username"),
            Bodies.optString(body, "email"),
            Bodies.optString(body, "publicKey"));
    Envelope.ok(ctx, WireModel.toWire(a, true));
  }

  /** {@code GET /accounts?publicKey=}: the e-mail address only for the account's own signature. */
  void byPublicKey(Context ctx, String signer) {
    Account a = accounts.byPubkey(ctx.queryParam("publicKey"));
    Envelope.ok(ctx, WireModel.toWire(a, a.pubkey().equalsIgnoreCase(signer)));
  }

  /** {@code GET /accounts/{username}}: the same, found by name. */
  void byUsername(Context ctx, String signer) {
    Account a = accounts.byUsername(ctx.pathParam("username"));
    Envelope.ok(ctx, WireModel.toWire(a, a.pubkey().equalsIgnoreCase(signer)));
  }

  void notifications(Context ctx, String signer) {
    Envelope.ok(
        ctx,
        accounts.notifications(signer, ctx.pathParam("pubkey")).stream()
            .map(WireModel::toWire)
            .toList());
  }

  void unreadCount(Context ctx, String signer) {
    Envelope.ok(ctx, Map.of("unreadCount", accounts.unreadCount(signer, ctx.pathParam("pubkey"))));
  }

  void markRead(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    JsonNode ids = body.get("ids");
    List<Long> list = new ArrayList<>();
    if (ids != null && !ids.isNull()) {
      if (!ids.isArray()) {
        throw DomainException.invalid("ids", "must be an array of notification ids");
      }
      for (JsonNode id : ids) {
        if (!id.canConvertToLong() || !id.isIntegralNumber()) {
          throw DomainException.invalid("ids", "must be an array of notification ids");
        }
        list.add(id.longValue());
      }
    }
    accounts.markRead(signer, ctx.pathParam("pubkey"), list);
    Envelope.ok(ctx, null);
  }

  void getAutoAccept(Context ctx, String signer) {
    Envelope.ok(ctx, Map.of("autoAcceptRentals", accounts.autoAccept(signer)));
  }

  void setAutoAccept(Context ctx, String signer) {
    boolean on =
        Bodies.requiredBoolean(Bodies.object(RequestFilter.body(ctx)), "autoAcceptRentals");
    Envelope.ok(ctx, Map.of("autoAcceptRentals", accounts.setAutoAccept(signer, on)));
  }
}
