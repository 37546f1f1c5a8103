package dev.market.server.http;

import dev.market.server.ServerConfig;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.EpochNanos;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What every request passes before its route: a request id, the per-address flood guard, the body
 * size limit (read once, kept for the signature check and the handler) and the media type.
 */
final class RequestFilter {
  static final String REQUEST_ID = "market.requestId";
  private static final String BODY = "market.body";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServerConfig config;
  private final TokenBuckets addressBuckets;

  RequestFilter(ServerConfig config) {
    this.config = config;
    this.addressBuckets =
        new TokenBuckets(config.addressRequestsPerMinute(), config.addressRequestBurst());
  }

  /** Forgets address buckets that are full again. */
  void housekeeping() {
    addressBuckets.prune(EpochNanos.now(config.clock()));
  }

  void before(Context ctx) throws IOException {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    String requestId = HexFormat.of().formatHex(id);
    ctx.attribute(REQUEST_ID, requestId);
    ctx.header("X-Request-Id", requestId);
    ctx.attribute(BODY, new byte[0]);

    if (config.rateLimitsEnabled()) {
      long wait = addressBuckets.take(ctx.ip(), EpochNanos.now(config.clock()));
      if (wait > 0) {
        throw DomainException.rateLimited("too many requests from this address", wait);
      }
    }
    // Content-Length first (cheap, refuses before reading), then the bytes actually read, so a
    // chunked or lying request cannot get more than the limit into memory.
    long declared = ctx.req().getContentLengthLong();
    int max = config.maxBodyBytes();
    if (declared > max) {
      throw tooLarge(max);
    }
    QueryRules.check(ctx.queryParamMap());
    byte[] body = readAtMost(ctx.req().getInputStream(), max + 1);
    if (body.length > max) {
      throw tooLarge(max);
    }
    ctx.attribute(BODY, body);
    if (body.length > 0 && !isJson(ctx.header("Content-Type"))) {
      throw DomainException.unsupportedMediaType("request bodies must be application/json");
    }
  }

  private static byte[] readAtMost(InputStream in, int limit) {
    try {
      return in.readNBytes(limit);
    } catch (IOException e) {
      // a body shorter than its Content-Length, a broken chunk: the client's mistake, not ours
      throw DomainException.badRequest(
          "the request body could not be read: it ended early or is malformed");
    }
  }

  /** The request body as read by {@link #before}: empty when there was none. */
  static byte[] body(Context ctx) {
    byte[] b = ctx.attribute(BODY);
    return b == null ? new byte[0] : b;
  }

  private static DomainException tooLarge(int max) {
    return DomainException.tooLarge("request body is larger than " + max + " bytes");
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }
}
