package dev.market.server.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.market.protocol.json.Json;

/**
 * The shared mapper, but binding request bodies without silent conversions (issue 13): {@code
 * "720"} is not a number of hours, {@code 1.5} hours is not 1, {@code 1} is not the string "1" and
 * {@code "true"} is not a boolean. A value of the wrong JSON type is a 422 naming the field.
 */
final class StrictJson {
  private static final ObjectMapper MAPPER = build();

  private StrictJson() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    ObjectMapper m = Json.mapper().copy();
    m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType t :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      m.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return m;
  }
}
