package dev.market.client.error;

/** The marketplace refused the call; retrying will not help (exit 3). */
public abstract sealed class RefusedException extends MarketException
    permits NotFoundException,
        InvalidRequestException,
        ConflictException,
        InsufficientFundsException {
  protected RefusedException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
