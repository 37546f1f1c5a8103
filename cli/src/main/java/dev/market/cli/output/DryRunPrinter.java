package dev.market.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.PreparedRequest;
import dev.market.protocol.json.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Prints a signed request instead of sending it ({@code --dry-run}): the request line, every header
 * in the order it would be sent, a blank line and the exact body bytes, so the output can be
 * replayed or its signature checked. With {@code -o json}, one JSON object with the same parts.
 */
public final class DryRunPrinter {
  private final PrintWriter out;
  private final boolean json;

  public DryRunPrinter(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  public void print(PreparedRequest request) {
    String body = request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
    if (json) {
      ObjectNode node = Json.mapper().createObjectNode();
      node.put("method", request.method());
      node.put("url", request.url());
      ArrayNode headers = node.putArray("headers");
      for (Map.Entry<String, String> h : request.headers()) {
        headers.addObject().put("name", h.getKey()).put("value", h.getValue());
      }
      node.put("body", body);
      out.println(node.toPrettyString());
    } else {
      out.println(request.method() + " " + request.url());
      for (Map.Entry<String, String> h : request.headers()) {
        out.println(h.getKey() + ": " + h.getValue());
      }
      out.println();
      if (!body.isEmpty()) {
        out.println(body);
      }
    }
    out.flush();
  }
}
