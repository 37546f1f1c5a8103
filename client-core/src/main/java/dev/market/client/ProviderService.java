package dev.market.client;

import static dev.market.client.internal.Envelopes.data;
import static dev.market.client.internal.Envelopes.dataNode;
import static dev.market.client.internal.Envelopes.json;
import static dev.market.client.internal.Envelopes.message;
import static dev.market.client.internal.Envelopes.unreadable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.MarketException;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.Args;
import dev.market.client.internal.ErrorMapper;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The provider's side: rental requests to answer, provisioning steps to report, my contracts and
 * the auto-accept setting. Reached through {@link MarketClient#provider()}; every call is signed.
 * Each method has an overload taking {@link RequestOptions} that answers an {@link Outcome}.
 */
public final class ProviderService {

  private final Api api;

  ProviderService(Api api) {
    this.api = api;
  }

  /** {@code GET /provider/rental-requests/pending}: requests waiting for my answer. */
  public List<Contract> pendingRequests() {
    return pendingRequests(RequestOptions.DEFAULT).value();
  }

  /** As {@link #pendingRequests()}, with per-call options. */
  public Outcome<List<Contract>> pendingRequests(RequestOptions options) {
    String op = "list pending requests";
    api.me(op);
    return api.call(
        ApiRequest.signedGet(op, List.of("provider", "rental-requests", "pending")),
        options,
        env -> Contracts.list(env, op));
  }

  /** {@code GET /providers/{me}/contracts}: all my contracts as provider, in every state. */
  public List<Contract> contracts() {
    return contracts(RequestOptions.DEFAULT).value();
  }

  /** As {@link #contracts()}, with per-call options. */
  public Outcome<List<Contract>> contracts(RequestOptions options) {
    String op = "list provider contracts";
    return api.call(
        ApiRequest.signedGet(op, List.of("providers", api.me(op), "contracts")),
        options,
        env -> Contracts.list(env, op));
  }

  /**
   * {@code POST /provider/rental-requests/{id}/respond} with {@code accept:true}; returns the
   * server's message. Not retried once the request may have reached the server.
   *
   * @param memo a note for the renter, or {@code null}
   */
  public String accept(String contractId, String memo) {
    return accept(contractId, memo, RequestOptions.DEFAULT).value();
  }

  /** As {@link #accept(String, String)}, with per-call options. */
  public Outcome<String> accept(String contractId, String memo, RequestOptions options) {
    return respond(contractId, true, memo, options);
  }

  /**
   * {@code POST /provider/rental-requests/{id}/respond} with {@code accept:false}; returns the
   * server's message. Not retried once the request may have reached the server.
   *
   * @param memo why, or {@code null}
   */
  public String reject(String contractId, String memo) {
    return reject(contractId, memo, RequestOptions.DEFAULT).value();
  }

  /** As {@link #reject(String, String)}, with per-call options. */
  public Outcome<String> reject(String contractId, String memo, RequestOptions options) {
    return respond(contractId, false, memo, options);
  }

  private Outcome<String> respond(
      String contractId, boolean accept, String memo, RequestOptions options) {
    String op = (accept ? "accept" : "reject") + " contract " + Args.shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("accept", accept);
    body.put("memo", memo);
    return api.call(
        ApiRequest.signedPost(
            op,
            List.of("provider", "rental-requests", Args.contractId(op, contractId), "respond"),
            json(body)),
        options,
        env -> message(env, op));
  }

  /**
   * {@code PUT /provider/rental-requests/{id}/provisioning}: reports {@code step}, e.g. {@code
   * Provisioning.done(details)}; returns the server's message. The root password of {@link
   * Provisioning#done} details is sent, and never put in a message or exception.
   */
  public String provision(String contractId, Provisioning step) {
    return provision(contractId, step, RequestOptions.DEFAULT).value();
  }

  /**
   * As {@link #provision(String, Provisioning)}, with per-call options. A dry run's prepared body
   * holds the root password, if the details have one.
   */
  public Outcome<String> provision(String contractId, Provisioning step, RequestOptions options) {
    Objects.requireNonNull(step, "step");
    String op = "report contract " + Args.shortId(contractId) + " as " + step.status().wire();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("status", step.status().wire());
    String password = null;
    if (step.details() != null) {
      body.put("instanceDetails", new String(json(step.details()), StandardCharsets.UTF_8));
      password = step.details().rootPassword();
    } else {
      body.put("instanceDetails", step.reason());
    }
    try {
      return api.call(
          ApiRequest.signedPut(
              op,
              List.of(
                  "provider", "rental-requests", Args.contractId(op, contractId), "provisioning"),
              json(body)),
          options,
          env -> message(env, op));
    } catch (MarketException e) {
      throw ErrorMapper.redact(e, password);
    }
  }

  /** {@code GET /provider/settings/auto-accept}: whether new requests are accepted at once. */
  public boolean autoAccept() {
    return autoAccept(RequestOptions.DEFAULT).value();
  }

  /** As {@link #autoAccept()}, with per-call options. */
  public Outcome<Boolean> autoAccept(RequestOptions options) {
    String op = "get auto-accept setting";
    api.me(op);
    return api.call(
        ApiRequest.signedGet(op, List.of("provider", "settings", "auto-accept")),
        options,
        env -> autoAcceptValue(env, op));
  }

  /** {@code PUT /provider/settings/auto-accept}; returns the stored value. */
  public boolean setAutoAccept(boolean on) {
    return setAutoAccept(on, RequestOptions.DEFAULT).value();
  }

  /** As {@link #setAutoAccept(boolean)}, with per-call options. */
  public Outcome<Boolean> setAutoAccept(boolean on, RequestOptions options) {
    String op = "turn auto-accept " + (on ? "on" : "off");
    api.me(op);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("autoAcceptRentals", on);
    return api.call(
        ApiRequest.signedPut(op, List.of("provider", "settings", "auto-accept"), json(body)),
        options,
        env -> {
          JsonNode data = env.get("data");
          return (data == null || data.isNull()) ? on : autoAcceptValue(env, op);
        });
  }

  private static boolean autoAcceptValue(ObjectNode env, String op) {
    JsonNode v = dataNode(env, op).get("autoAcceptRentals");
    if (v == null || !v.isBoolean()) {
      throw unreadable(op, "expected {\"autoAcceptRentals\": true|false}");
    }
    return v.booleanValue();
  }
}
