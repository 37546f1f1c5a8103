package dev.market.client.error;

/** 404 or a Decent Cloud not-found message. */
public final class NotFoundException extends RefusedException {
  public NotFoundException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
