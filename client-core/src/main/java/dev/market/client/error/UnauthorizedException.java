package dev.market.client.error;

/** 401: missing or bad signature, stale timestamp, replayed nonce. */
public final class UnauthorizedException extends AuthException {
  public UnauthorizedException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
