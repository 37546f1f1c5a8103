package dev.market.server.http;

import dev.market.protocol.error.ErrorCode;
import dev.market.server.domain.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a failure becomes a response: a {@link DomainException} answers its kind's code,
 * Javalin's own 4xx refusals their status, anything else is our bug, logged once with the request
 * id and answered 500 without details.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void install(JavalinConfig cfg) {
    cfg.routes.exception(Exception.class, ErrorMapping::onException);
    cfg.routes.error(
        404, ctx -> fallback(ctx, 404, ErrorCode.NO_SUCH_ENDPOINT, "no such endpoint"));
    cfg.routes.error(405, ctx -> fallback(ctx, 405, ErrorCode.BAD_REQUEST, "method not allowed"));
  }

  private static void fallback(Context ctx, int status, ErrorCode code, String message) {
    if (ctx.attribute(Envelope.WRITTEN) == null) {
      Envelope.error(ctx, status, code, message + ": " + ctx.method() + " " + ctx.path());
    }
  }

  static void onException(Exception e, Context ctx) {
    String requestId = ctx.attribute(RequestFilter.REQUEST_ID);
    if (e instanceof DomainException d && d.kind() != DomainException.Kind.INTERNAL) {
      if (d.kind() == DomainException.Kind.UNAVAILABLE && d.getCause() != null) {
        LOG.warn("request {}: database unavailable: {}", requestId, d.getCause().getMessage());
      }
      if (d.retryAfterSeconds() > 0) {
        ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
      }
      Envelope.error(ctx, d.code(), d.clientMessage());
    } else if (TransportErrors.isClientMistake(e)) {
      Envelope.error(
          ctx, ErrorCode.BAD_REQUEST, "malformed request: " + TransportErrors.describe(e));
    } else if (e instanceof HttpResponseException h && h.getStatus() < 500) {
      Envelope.error(ctx, h.getStatus(), ErrorCode.forStatus(h.getStatus()), h.getMessage());
    } else {
      LOG.error("request {} failed: {} {}", requestId, ctx.method(), ctx.path(), e);
      Envelope.error(ctx, ErrorCode.INTERNAL, "internal error (request id " + requestId + ")");
    }
  }
}
