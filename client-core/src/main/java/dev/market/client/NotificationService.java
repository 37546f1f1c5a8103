package dev.market.client;

import static dev.market.client.internal.Envelopes.data;
import static dev.market.client.internal.Envelopes.dataNode;
import static dev.market.client.internal.Envelopes.json;
import static dev.market.client.internal.Envelopes.unreadable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.UserNotification;
import java.util.List;
import java.util.Objects;

/**
 * My notifications. Reached through {@link MarketClient#notifications()}; every call is signed.
 * Each method has an overload taking {@link RequestOptions} that answers an {@link Outcome}.
 */
public final class NotificationService {
  private static final TypeReference<List<UserNotification>> NOTIFICATIONS =
      new TypeReference<>() {};

  private final Api api;

  NotificationService(Api api) {
    this.api = api;
  }

  /** {@code GET /users/{me}/notifications}: the newest 50. */
  public List<UserNotification> list() {
    return list(RequestOptions.DEFAULT).value();
  }

  /** As {@link #list()}, with per-call options. */
  public Outcome<List<UserNotification>> list(RequestOptions options) {
    String op = "list notifications";
    return api.call(
        ApiRequest.signedGet(op, List.of("users", api.me(op), "notifications")),
        options,
        env -> data(env, op, NOTIFICATIONS));
  }

  /** {@code GET /users/{me}/notifications/unread-count}. */
  public long unreadCount() {
    return unreadCount(RequestOptions.DEFAULT).value();
  }

  /** As {@link #unreadCount()}, with per-call options. */
  public Outcome<Long> unreadCount(RequestOptions options) {
    String op = "count unread notifications";
    return api.call(
        ApiRequest.signedGet(op, List.of("users", api.me(op), "notifications", "unread-count")),
        options,
        env -> {
          JsonNode n = dataNode(env, op).get("unreadCount");
          if (n == null || !n.canConvertToExactIntegral()) {
            throw unreadable(op, "expected {\"unreadCount\": n}");
          }
          return n.longValue();
        });
  }

  /**
   * {@code POST /users/{me}/notifications/mark-read}; an empty list marks all. Not retried once the
   * request may have reached the server.
   */
  public void markRead(List<Long> ids) {
    markRead(ids, RequestOptions.DEFAULT).value();
  }

  /** As {@link #markRead(List)}, with per-call options; a sent call answers {@code null}. */
  public Outcome<Void> markRead(List<Long> ids, RequestOptions options) {
    Objects.requireNonNull(ids, "ids");
    String op =
        ids.isEmpty()
            ? "mark all notifications read"
            : "mark " + ids.size() + " notification" + (ids.size() == 1 ? "" : "s") + " read";
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode array = body.putArray("ids");
    ids.forEach(array::add);
    return api.call(
        ApiRequest.signedPost(
            op, List.of("users", api.me(op), "notifications", "mark-read"), json(body)),
        options,
        env -> null);
  }
}
