package dev.market.client;

import static dev.market.client.internal.Envelopes.data;
import static dev.market.client.internal.Envelopes.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.Args;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.ExtensionResult;
import dev.market.protocol.model.RentalTerms;
import dev.market.protocol.model.Review;
import java.util.List;
import java.util.Optional;

/**
 * What rentals pay for. Reached through {@link MarketClient#terms()}: extensions, auto-renew, the
 * paid period and escrow, and the renter's review after a rental ended. Every call is signed.
 */
public final class TermsService {
  private final Api api;

  TermsService(Api api) {
    this.api = api;
  }

  /**
   * {@code POST /contracts/{id}/extend}: charges the wallet for {@code hours} more and moves the
   * end. Not retried once it may have reached the server (a retry could charge twice).
   */
  public ExtensionResult extend(String contractId, long hours, String memo) {
    return extend(contractId, hours, memo, RequestOptions.DEFAULT).value();
  }

  /** As {@link #extend(String, long, String)}, with per-call options. */
  public Outcome<ExtensionResult> extend(
      String contractId, long hours, String memo, RequestOptions options) {
    String op = "extend contract " + Args.shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("extensionHours", hours);
    if (memo != null) {
      body.put("memo", memo);
    }
    return api.call(
        ApiRequest.signedPost(
            op, List.of("contracts", Args.contractId(op, contractId), "extend"), json(body)),
        options,
        env -> data(env, op, ExtensionResult.class));
  }

  /** {@code PUT /contracts/{id}/auto-renew}. */
  public RentalTerms autoRenew(String contractId, boolean on) {
    return autoRenew(contractId, on, RequestOptions.DEFAULT).value();
  }

  /** As {@link #autoRenew(String, boolean)}, with per-call options. */
  public Outcome<RentalTerms> autoRenew(String contractId, boolean on, RequestOptions options) {
    String op = "set auto-renew of contract " + Args.shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("autoRenew", on);
    return api.call(
        ApiRequest.signedPut(
            op, List.of("contracts", Args.contractId(op, contractId), "auto-renew"), json(body)),
        options,
        env -> data(env, op, RentalTerms.class));
  }

  /** {@code GET /contracts/{id}/terms}: the paid period, the escrow and auto-renew. */
  public RentalTerms get(String contractId) {
    String op = "get terms of contract " + Args.shortId(contractId);
    return api.call(
            ApiRequest.signedGet(
                op, List.of("contracts", Args.contractId(op, contractId), "terms")),
            RequestOptions.DEFAULT,
            env -> data(env, op, RentalTerms.class))
        .value();
  }

  /** {@code POST /contracts/{id}/feedback}: rates an ended rental 1 to 5, once. */
  public Review review(String contractId, int rating, String comment) {
    return review(contractId, rating, comment, RequestOptions.DEFAULT).value();
  }

  /** As {@link #review(String, int, String)}, with per-call options. */
  public Outcome<Review> review(
      String contractId, int rating, String comment, RequestOptions options) {
    String op = "review contract " + Args.shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("rating", rating);
    if (comment != null) {
      body.put("comment", comment);
    }
    return api.call(
        ApiRequest.signedPost(
            op, List.of("contracts", Args.contractId(op, contractId), "feedback"), json(body)),
        options,
        env -> data(env, op, Review.class));
  }

  /** {@code GET /contracts/{id}/feedback}: the review, empty when there is none. */
  public Optional<Review> review(String contractId) {
    String op = "get review of contract " + Args.shortId(contractId);
    return api.call(
            ApiRequest.signedGet(
                op, List.of("contracts", Args.contractId(op, contractId), "feedback")),
            RequestOptions.DEFAULT,
            env -> {
              JsonNode d = env.get("data");
              return d == null || d.isNull()
                  ? Optional.<Review>empty()
                  : Optional.of(data(env, op, Review.class));
            })
        .value();
  }
}
