package dev.market.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.Transport;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.ExtensionResult;
import dev.market.protocol.model.RentalTerms;
import dev.market.protocol.model.Review;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What a rental pays for ({@code client.terms()}): extensions, auto-renew, its paid period and
 * escrow, and the renter's review after it ended.
 */
public final class TermsService {
  private final Transport transport;

  TermsService(Transport transport) {
    this.transport = transport;
  }

  /**
   * {@code POST /contracts/{id}/extend}: charges the wallet for {@code hours} more and moves the
   * end. Never retried (a retry could charge twice).
   */
  public ExtensionResult extend(String contractId, long hours, String memo) {
    String op = "extend contract " + MarketClient.shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("extensionHours", hours);
    if (memo != null) {
      body.put("memo", memo);
    }
    return MarketClient.data(
        transport.send(
            ApiRequest.signedPost(
                op,
                List.of("contracts", MarketClient.contractId(op, contractId), "extend"),
                MarketClient.json(body))),
        op,
        ExtensionResult.class);
  }

  /** {@code PUT /contracts/{id}/auto-renew}. */
  public RentalTerms autoRenew(String contractId, boolean on) {
    String op = "set auto-renew of contract " + MarketClient.shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("autoRenew", on);
    return MarketClient.data(
        transport.send(
            ApiRequest.signedPut(
                op,
                List.of("contracts", MarketClient.contractId(op, contractId), "auto-renew"),
                MarketClient.json(body))),
        op,
        RentalTerms.class);
  }

  /** {@code GET /contracts/{id}/terms}: the paid period, the escrow and auto-renew. */
  public RentalTerms get(String contractId) {
    String op = "get terms of contract " + MarketClient.shortId(contractId);
    return MarketClient.data(
        transport.send(
            ApiRequest.signedGet(
                op, List.of("contracts", MarketClient.contractId(op, contractId), "terms"))),
        op,
        RentalTerms.class);
  }

  /** {@code POST /contracts/{id}/feedback}: rates an ended rental 1 to 5, once. */
  public Review review(String contractId, int rating, String comment) {
    String op = "review contract " + MarketClient.shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("rating", rating);
    if (comment != null) {
      body.put("comment", comment);
    }
    return MarketClient.data(
        transport.send(
            ApiRequest.signedPost(
                op,
                List.of("contracts", MarketClient.contractId(op, contractId), "feedback"),
                MarketClient.json(body))),
        op,
        Review.class);
  }

  /** {@code GET /contracts/{id}/feedback}: the review, empty when there is none. */
  public Optional<Review> review(String contractId) {
    String op = "get review of contract " + MarketClient.shortId(contractId);
    ObjectNode env =
        transport.send(
            ApiRequest.signedGet(
                op, List.of("contracts", MarketClient.contractId(op, contractId), "feedback")));
    JsonNode data = env.get("data");
    if (data == null || data.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().treeToValue(data, Review.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
