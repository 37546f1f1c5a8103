package dev.market.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.server.domain.money.LedgerService;
import dev.market.server.domain.money.ReviewService;
import dev.market.server.domain.money.TermService;
import io.javalin.http.Context;
import java.util.List;

/** Wallet, extension, auto-renew and review endpoints (issue 10): HTTP only. */
final class MoneyHandlers {

  /** One signed route of this group. */
  record Route(String method, String path, Routes.SignedHandler handler) {}

  private final LedgerService ledger;
  private final TermService terms;
  private final ReviewService reviews;

  MoneyHandlers(LedgerService ledger, TermService terms, ReviewService reviews) {
    this.ledger = ledger;
    this.terms = terms;
    this.reviews = reviews;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/users/{pubkey}/wallet", this::wallet),
        new Route("POST", "/users/{pubkey}/wallet/deposits", this::deposit),
        new Route("POST", "/users/{pubkey}/wallet/withdrawals", this::withdraw),
        new Route("POST", "/contracts/{id}/extend", this::extend),
        new Route("PUT", "/contracts/{id}/auto-renew", this::autoRenew),
        new Route("GET", "/contracts/{id}/terms", this::terms),
        new Route("POST", "/contracts/{id}/feedback", this::review),
        new Route("GET", "/contracts/{id}/feedback", this::getReview));
  }

  void wallet(Context ctx, String signer) {
    Envelope.ok(ctx, ledger.wallet(signer, ctx.pathParam("pubkey")));
  }

  void deposit(Context ctx, String signer) {
    ObjectNode body = Bodies.object(Routes.body(ctx));
    Envelope.ok(ctx, ledger.deposit(signer, ctx.pathParam("pubkey"), optLong(body, "amountE9s")));
  }

  void withdraw(Context ctx, String signer) {
    ObjectNode body = Bodies.object(Routes.body(ctx));
    Envelope.ok(ctx, ledger.withdraw(signer, ctx.pathParam("pubkey"), optLong(body, "amountE9s")));
  }

  void extend(Context ctx, String signer) {
    ObjectNode body = Bodies.object(Routes.body(ctx));
    Envelope.ok(
        ctx,
        terms.extend(
            signer,
            ctx.pathParam("id"),
            optLong(body, "extensionHours"),
            Bodies.optString(body, "memo")));
  }

  void autoRenew(Context ctx, String signer) {
    ObjectNode body = Bodies.object(Routes.body(ctx));
    Envelope.ok(
        ctx,
        terms.setAutoRenew(signer, ctx.pathParam("id"), Bodies.requiredBoolean(body, "autoRenew")));
  }

  void terms(Context ctx, String signer) {
    Envelope.ok(ctx, terms.terms(signer, ctx.pathParam("id")));
  }

  void review(Context ctx, String signer) {
    ObjectNode body = Bodies.object(Routes.body(ctx));
    Long rating = optLong(body, "rating");
    Envelope.ok(
        ctx,
        reviews.submit(
            signer,
            ctx.pathParam("id"),
            rating == null
                ? null
                : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rating)),
            Bodies.optString(body, "comment")));
  }

  void getReview(Context ctx, String signer) {
    Envelope.ok(ctx, reviews.find(signer, ctx.pathParam("id")).orElse(null));
  }

  /** An optional whole number: null when absent, 422 naming the field for 1.5, "7" or 1e30. */
  static Long optLong(ObjectNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw ApiError.invalid(field, "must be a whole number");
    }
    return v.longValue();
  }
}
