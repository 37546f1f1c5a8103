package dev.market.client.error;

/** 409: an invalid transition or a conflicting request; nothing changed. */
public final class ConflictException extends RefusedException {
  public ConflictException(
      String operation, int status, String code, String message, Throwable cause) {
    super(operation, status, code, message, cause);
  }
}
