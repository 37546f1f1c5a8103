package dev.market.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.internal.Json;
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

  static void error(Context ctx, int status, String code, String message) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("success", false);
    n.put("error", message);
    n.put("code", code);
    write(ctx, status, n);
  }

  static void write(Context ctx, int status, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a response", e);
    }
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(status).contentType(JSON).result(bytes);
  }
}
