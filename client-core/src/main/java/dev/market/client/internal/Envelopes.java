package dev.market.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.json.Json;
import java.io.IOException;
import java.util.Locale;

/** Reading the {@code data} of a successful envelope, and writing request bodies. */
public final class Envelopes {
  private Envelopes() {}

  /** The exact JSON bytes of {@code value}. */
  public static byte[] json(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      // our own records and trees always serialize
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  /** {@code data}, which must be present. */
  public static JsonNode dataNode(ObjectNode env, String op) {
    JsonNode data = env.get("data");
    if (data == null || data.isNull()) {
      throw unreadable(op, "the answer has no data");
    }
    return data;
  }

  /** {@code data} read as {@code type}. */
  public static <T> T data(ObjectNode env, String op, Class<T> type) {
    JsonNode data = dataNode(env, op);
    try {
      return Json.mapper().treeToValue(data, type);
    } catch (IOException | IllegalArgumentException e) {
      throw unreadable(op, "not a " + type.getSimpleName() + " (" + firstLine(e) + ")");
    }
  }

  /** {@code data} read as {@code type}. */
  public static <T> T data(ObjectNode env, String op, TypeReference<T> type) {
    JsonNode data = dataNode(env, op);
    try {
      return Json.mapper().readerFor(type).readValue(data);
    } catch (IOException | IllegalArgumentException e) {
      throw unreadable(op, "unexpected shape (" + firstLine(e) + ")");
    }
  }

  /** The server's message: {@code data} as text, else {@code message}, else empty. */
  public static String message(ObjectNode env) {
    JsonNode data = env.get("data");
    if (data == null || data.isNull()) {
      JsonNode m = env.get("message");
      return m != null && m.isTextual() ? m.asText() : "";
    }
    return data.isTextual() ? data.asText() : data.toString();
  }

  /** The JSON type of {@code n} for a message: {@code string}, {@code object}, ... */
  public static String kind(JsonNode n) {
    return n.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  /** A 200 whose body is not what the protocol promises. */
  public static UnavailableException unreadable(String op, String why) {
    return new UnavailableException(op, 200, null, "unreadable answer: " + why, null);
  }

  private static String firstLine(Exception e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return Args.printable(nl < 0 ? m : m.substring(0, nl));
  }
}
