package dev.market.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.error.ErrorCode;
import dev.market.protocol.json.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty refuses some requests before Javalin sees them (an ambiguous or undecodable URI, a broken
 * request line); this makes those answers the same envelope as every other error, never HTML.
 */
public final class JsonErrorHandler extends ErrorHandler {

  static byte[] envelope(int status, String message) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("success", false);
    n.put(
        "error",
        status >= 500
            ? "internal error"
            : "bad request" + (message == null || message.isBlank() ? "" : ": " + message));
    n.put("code", status >= 500 ? "internal" : ErrorCode.forStatus(status).wire());
    try {
      return Json.mapper().writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Envelope.JSON);
    response.write(true, ByteBuffer.wrap(envelope(code, message)), callback);
  }
}
