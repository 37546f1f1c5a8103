package dev.market.server.http;

import dev.market.protocol.crypto.SignatureVerifier;
import dev.market.protocol.error.ErrorCode;
import dev.market.server.ServerConfig;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.EpochNanos;
import dev.market.server.domain.ReplayGuard;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * docs/protocol.md section 2 in front of every signed route: the signature, then the replay check.
 */
final class SignatureFilter {

  /** A handler that runs after the signature and nonce checks, with the signer's key. */
  @FunctionalInterface
  interface SignedHandler {
    void handle(Context ctx, String signer) throws Exception;
  }

  private final ServerConfig config;
  private final ReplayGuard replays;
  private final SignatureVerifier verifier;

  SignatureFilter(ServerConfig config, ReplayGuard replays) {
    this.config = config;
    this.replays = replays;
    this.verifier = new SignatureVerifier(config.signatureWindow());
  }

  /**
   * A public route that a signature may accompany: without {@code X-Signature} the handler gets a
   * {@code null} signer; with one, the request passes the same checks as a signed route (a bad
   * signature is refused, not ignored).
   */
  Handler optionallySigned(SignedHandler h) {
    Handler checked = signed(h);
    return ctx -> {
      if (ctx.header("X-Signature") == null && ctx.header("X-Public-Key") == null) {
        h.handle(ctx, null);
      } else {
        checked.handle(ctx);
      }
    };
  }

  Handler signed(SignedHandler h) {
    return ctx -> {
      long now = EpochNanos.now(config.clock());
      SignatureVerifier.Verification v =
          verifier.verify(
              ctx.header("X-Public-Key"),
              ctx.header("X-Signature"),
              ctx.header("X-Timestamp"),
              ctx.header("X-Nonce"),
              ctx.method().name(),
              ctx.req().getRequestURI(),
              RequestFilter.body(ctx),
              now);
      if (!v.ok()) {
        throw v.reason() == SignatureVerifier.Reason.STALE_TIMESTAMP
            ? DomainException.staleTimestamp(v.message())
            : refusal(ErrorCode.forStatus(v.httpStatus()), v.message());
      }
      String signer = v.publicKeyHex();
      // the replay check comes last (section 2): only a verified request spends its nonce. A read
      // does not wait for its nonce's row; a write's nonce commits with its write
      String nonce = ctx.header("X-Nonce");
      ReplayGuard.Spent spent =
          ctx.method().equals(HandlerType.GET)
              ? replays.spendOnRead(signer, nonce, now)
              : replays.spendOnWrite(signer, nonce, now);
      try {
        h.handle(ctx, signer);
      } finally {
        spent.close();
      }
    };
  }

  private static DomainException refusal(ErrorCode code, String message) {
    return switch (code) {
      case UNAUTHORIZED -> DomainException.unauthorized(message);
      case FORBIDDEN -> DomainException.forbidden(message);
      default -> DomainException.badRequest(message);
    };
  }
}
