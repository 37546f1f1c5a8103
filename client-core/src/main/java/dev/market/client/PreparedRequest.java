package dev.market.client;

import java.util.List;
import java.util.Map;

/**
 * A fully signed request as it would go on the wire; handed to a dry-run sink instead of being
 * sent.
 *
 * @param headers in the order they would be sent, including the signing headers
 */
// bodies are bytes as sent or received; nobody compares or mutates them
@SuppressWarnings("ArrayRecordComponent")
public record PreparedRequest(
    String method, String url, List<Map.Entry<String, String>> headers, byte[] body) {}
