package dev.market.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.crypto.RequestSigning;
import dev.market.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A raw protocol client for tests: signs with an {@link Identity} as docs/protocol.md section 2
 * says, and lets a test break any part of it (timestamp, nonce, a body byte, headers).
 */
public final class Raw {
  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .readTimeout(Duration.ofSeconds(60))
          // a connection Jetty closed after refusing a broken request must not fail the next test
          .retryOnConnectionFailure(true)
          .build();

  private final String baseUrl;
  private final MutableClock clock;

  public Raw(String baseUrl, MutableClock clock) {
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  public Raw(TestServer s) {
    this(s.baseUrl, s.clock);
  }

  /** A response: status, headers, parsed body (or null), raw text. */
  public record Reply(int status, Map<String, String> headers, JsonNode json, String text) {
    public JsonNode data() {
      return json.get("data");
    }

    public String error() {
      return json.path("error").asText(null);
    }

    public String code() {
      return json.path("code").asText(null);
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  /** What a test may change about a signed request. */
  public static final class Spec {
    public String method = "GET";
    public String path;
    public byte[] body = new byte[0];
    public String contentType = "application/json";
    public Identity identity;
    public String timestamp;
    public String nonce;

    /** When set, the signature covers these bytes but {@link #body} is sent. */
    public byte[] signedBody;

    public final Map<String, String> headers = new LinkedHashMap<>();
    public final java.util.Set<String> dropHeaders = new java.util.HashSet<>();
  }

  public Reply get(Identity id, String path) {
    return send(id, "GET", path, null);
  }

  public Reply post(Identity id, String path, String json) {
    return send(id, "POST", path, json);
  }

  public Reply put(Identity id, String path, String json) {
    return send(id, "PUT", path, json);
  }

  public Reply send(Identity id, String method, String path, String json) {
    return send(
        s -> {
          s.identity = id;
          s.method = method;
          s.path = path;
          s.body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
          return s;
        });
  }

  public String nowNs() {
    var now = clock.instant();
    return Long.toString(now.getEpochSecond() * 1_000_000_000L + now.getNano());
  }

  public Reply send(UnaryOperator<Spec> build) {
    Spec s = build.apply(new Spec());
    Request.Builder r = new Request.Builder().url(baseUrl + s.path);
    if (s.identity != null) {
      String ts = s.timestamp != null ? s.timestamp : nowNs();
      String nonce = s.nonce != null ? s.nonce : UUID.randomUUID().toString();
      byte[] signed = s.signedBody != null ? s.signedBody : s.body;
      byte[] sig =
          s.identity.sign(RequestSigning.message(ts, nonce, s.method, pathOnly(s.path), signed));
      put(r, s, RequestSigning.HEADER_PUBLIC_KEY, s.identity.publicKeyHex());
      put(r, s, RequestSigning.HEADER_TIMESTAMP, ts);
      put(r, s, RequestSigning.HEADER_NONCE, nonce);
      put(r, s, RequestSigning.HEADER_SIGNATURE, Hex.encode(sig));
    }
    s.headers.forEach(r::header);
    RequestBody body =
        s.method.equals("GET")
            ? null
            : RequestBody.create(
                s.body, s.contentType == null ? null : MediaType.get(s.contentType));
    r.method(s.method, body);
    try (Response resp = HTTP.newCall(r.build()).execute()) {
      String text = resp.body().string();
      Map<String, String> headers = new LinkedHashMap<>();
      for (String name : resp.headers().names()) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), resp.header(name));
      }
      JsonNode json = null;
      if (!text.isEmpty()) {
        try {
          json = Json.mapper().readTree(text);
        } catch (IOException e) {
          json = null;
        }
      }
      return new Reply(resp.code(), headers, json, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(Request.Builder r, Spec s, String name, String value) {
    if (!s.dropHeaders.contains(name)) {
      r.header(name, value);
    }
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }
}
