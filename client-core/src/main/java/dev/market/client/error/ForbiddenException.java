package dev.market.client.error;

/** 403: the signer may not do this. */
public final class ForbiddenException extends AuthException {
  public ForbiddenException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
