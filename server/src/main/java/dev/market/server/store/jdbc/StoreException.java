package dev.market.server.store.jdbc;

/** A database failure: never the client's fault, so the HTTP layer answers 500 or 503. */
public final class StoreException extends RuntimeException {
  private final boolean unavailable;

  StoreException(String message, Throwable cause, boolean unavailable) {
    super(message, cause);
    this.unavailable = unavailable;
  }

  /** True when the database could not be reached (pool timeout, connection refused). */
  public boolean unavailable() {
    return unavailable;
  }
}
