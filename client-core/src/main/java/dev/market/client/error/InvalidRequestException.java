package dev.market.client.error;

/**
 * 400, 413, 415 or 422: the request was malformed or failed validation; {@link #serverMessage()}
 * names the field.
 */
public final class InvalidRequestException extends RefusedException {
  public InvalidRequestException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
