package dev.market.client.error;

import java.time.Duration;

/** 429 still returned after the retries: the server asked to wait {@link #retryAfter()}. */
public final class RateLimitedException extends UnavailableException {
  private final Duration retryAfter;

  public RateLimitedException(
      String operation, String code, String message, Duration retryAfter, Throwable cause) {
    super(operation, 429, code, message, cause);
    this.retryAfter = retryAfter;
  }

  /** The server's {@code Retry-After}, or {@code null} when it sent none. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
