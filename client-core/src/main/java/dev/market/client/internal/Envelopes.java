package dev.market.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
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
      throw unreadable(op, "not a " + type.getSimpleName() + " (" + mismatch(e, data) + ")");
    }
  }

  /** {@code data} read as {@code type}. */
  public static <T> T data(ObjectNode env, String op, TypeReference<T> type) {
    JsonNode data = dataNode(env, op);
    try {
      return Json.mapper().readerFor(type).readValue(data);
    } catch (IOException | IllegalArgumentException e) {
      throw unreadable(op, "unexpected shape (" + mismatch(e, data) + ")");
    }
  }

  /**
   * The message string an action answers with (docs/protocol.md section 4): {@code data} as text,
   * else {@code message}, else empty. Any other {@code data} is not the marketplace's answer, and
   * the action's outcome is unknown: never reported as done.
   */
  public static String message(ObjectNode env, String op) {
    JsonNode data = env.get("data");
    if (data == null || data.isNull()) {
      JsonNode m = env.get("message");
      return m != null && m.isTextual() ? m.asText() : "";
    }
    if (!data.isTextual()) {
      throw unreadable(op, "expected a message, got " + kind(data));
    }
    return data.asText();
  }

  /** The JSON type of {@code n} for a message: {@code string}, {@code object}, ... */
  public static String kind(JsonNode n) {
    return n.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  /** A 200 whose body is not what the protocol promises. */
  public static UnavailableException unreadable(String op, String why) {
    return new UnavailableException(op, 200, null, "unreadable answer: " + why, null);
  }

  /**
   * Where the answer departs from the protocol, in its own field names. Jackson's message names
   * Java types ({@code java.lang.String}), which mean nothing to the person reading the error.
   */
  private static String mismatch(Exception e, JsonNode data) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      return "field " + Args.printable(path.toString()) + " has the wrong type";
    }
    return "got " + kind(data);
  }
}
