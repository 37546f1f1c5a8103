package dev.market.client.error;

/** Identity, signature or permission problem (exit 4). */
public abstract sealed class AuthException extends MarketException
    permits UnauthorizedException, ForbiddenException {
  protected AuthException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
