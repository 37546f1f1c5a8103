package dev.market.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.json.Json;
import dev.market.server.domain.DomainException;
import java.io.IOException;
import java.util.stream.Collectors;

/** Turns request bytes into values, with errors naming the problem or the field. */
final class Bodies {
  private Bodies() {}

  /** The body as a JSON object: 400 when it is missing, malformed or not an object. */
  static ObjectNode object(byte[] body) {
    if (body.length == 0) {
      throw DomainException.badRequest("a JSON request body is required");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw DomainException.badRequest(
          "malformed JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (IOException e) {
      throw DomainException.badRequest("unreadable request body");
    }
    if (node == null || !node.isObject()) {
      throw DomainException.badRequest("the request body must be a JSON object");
    }
    BodyRules.check(node);
    return (ObjectNode) node;
  }

  /** Binds an object to a model record; a wrong type is 422 naming the field. */
  static <T> T bind(ObjectNode node, Class<T> type) {
    try {
      return StrictJson.mapper().treeToValue(node, type);
    } catch (DatabindException e) {
      String field =
          e instanceof JsonMappingException m
              ? m.getPath().stream()
                  .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                  .collect(Collectors.joining("."))
              : "";
      throw DomainException.invalid(field.isEmpty() ? "body" : field, wrongType(e));
    } catch (JsonProcessingException e) {
      throw DomainException.badRequest("malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static String wrongType(DatabindException e) {
    Class<?> target =
        e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
            ? m.getTargetType()
            : null;
    if (target == null) {
      return "has the wrong type";
    }
    if (target == Long.class || target == Integer.class || target == long.class) {
      return "must be a whole number (a JSON number without a fraction)";
    }
    if (target == java.math.BigDecimal.class) {
      return "must be a number";
    }
    if (target == String.class) {
      return "must be a string";
    }
    if (target == Boolean.class) {
      return "must be true or false";
    }
    return "has the wrong type";
  }

  /** An optional string field: null when absent or null, 422 when it is not a string. */
  static String optString(ObjectNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw DomainException.invalid(field, "must be a string");
    }
    return v.textValue();
  }

  static String requiredString(ObjectNode node, String field) {
    String s = optString(node, field);
    if (s == null) {
      throw DomainException.invalid(field, "is required");
    }
    return s;
  }

  static boolean requiredBoolean(ObjectNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw DomainException.invalid(field, "is required (true or false)");
    }
    if (!v.isBoolean()) {
      throw DomainException.invalid(field, "must be true or false");
    }
    return v.booleanValue();
  }
}
