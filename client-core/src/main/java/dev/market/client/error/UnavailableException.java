package dev.market.client.error;

/**
 * Network failure, timeout, 5xx, rate limited after retries, or an unreadable answer: retrying may
 * help (exit 5).
 */
public non-sealed class UnavailableException extends MarketException {
  public UnavailableException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
