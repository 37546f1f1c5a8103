package dev.market.client.error;

/**
 * 402 {@code insufficient_funds}: the wallet does not cover a rent, an extension or a withdrawal;
 * nothing was created or charged. A deposit cures it.
 */
public final class InsufficientFundsException extends RefusedException {
  public InsufficientFundsException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
