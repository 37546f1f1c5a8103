package dev.market.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.money.LedgerService;
import dev.market.server.domain.money.ReviewService;
import dev.market.server.domain.money.TermService;
import io.javalin.http.Context;

/** Wallet, extension, auto-renew and review endpoints (issue 10): HTTP only. */
final class MoneyHandlers {

  private final LedgerService ledger;
  private final TermService terms;
  private final ReviewService reviews;

  MoneyHandlers(LedgerService ledger, TermService terms, ReviewService reviews) {
    this.ledger = ledger;
    this.terms = terms;
    this.reviews = reviews;
  }

  void wallet(Context ctx, String signer) {
    Envelope.ok(ctx, ledger.wallet(signer, ctx.pathParam("pubkey")));
  }

  void deposit(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    Envelope.ok(ctx, ledger.deposit(signer, ctx.pathParam("pubkey"), optLong(body, "amountE9s")));
  }

  void withdraw(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    Envelope.ok(ctx, ledger.withdraw(signer, ctx.pathParam("pubkey"), optLong(body, "amountE9s")));
  }

  void extend(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    Envelope.ok(
        ctx,
        terms.extend(
            signer,
            ctx.pathParam("id"),
            optLong(body, "extensionHours"),
            Bodies.optString(body, "memo")));
  }

  void autoRenew(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
    Envelope.ok(
        ctx,
        terms.setAutoRenew(signer, ctx.pathParam("id"), Bodies.requiredBoolean(body, "autoRenew")));
  }

  void terms(Context ctx, String signer) {
    Envelope.ok(ctx, terms.terms(signer, ctx.pathParam("id")));
  }

  void review(Context ctx, String signer) {
    ObjectNode body = Bodies.object(RequestFilter.body(ctx));
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
      throw DomainException.invalid(field, "must be a whole number");
    }
    return v.longValue();
  }
}
