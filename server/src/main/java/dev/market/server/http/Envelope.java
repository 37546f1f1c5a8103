package dev.market.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.error.ErrorCode;
import dev.market.protocol.json.Json;
import io.javalin.http.Context;

/**
 * The response envelope of docs/protocol.md section 3. Bytes are written here with the shared
 * mapper so Javalin's own JSON configuration never matters.
 */
final class Envelope {
  static final String JSON = "application/json";

  /** Set once a handler has written an envelope, so the 404/405 fallbacks leave it alone. */
  static final String WRITTEN = "market.enveloped";

  private Envelope() {}

  static void ok(Context ctx, Object data) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("success", true);
    if (data != null) {
      n.set("data", Json.mapper().valueToTree(data));
    }
    write(ctx, 200, n);
  }

  static void error(Context ctx, ErrorCode code, String message) {
    error(ctx, code.httpStatus(), code, message);
  }

  /** An error whose HTTP status differs from its code's usual one (405 is a bad request). */
  static void error(Context ctx, int status, ErrorCode code, String message) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("success", false);
    n.put("error", message);
    n.put("code", code.wire());
    write(ctx, status, n);
  }

  static void write(Context ctx, int status, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a response", e);
    }
    ctx.attribute(WRITTEN, true);
    ctx.status(status).contentType(JSON).result(bytes);
  }
}
