package dev.market.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * The client's one retry policy. Every rule names its reason, and the reason travels with the
 * {@link Decision} so a test (or a debugger) can see why a call was or was not repeated.
 *
 * <p>Rules, in the order they are applied:
 *
 * <ol>
 *   <li>Never more than {@code maxAttempts} attempts in all.
 *   <li>A connect failure (nothing reached the server) is retried for every kind of request: the
 *       server cannot have acted on a request it never received.
 *   <li>A timeout or a broken connection is retried for {@link Kind#IDEMPOTENT} requests (GET, PUT
 *       by id: repeating them has the effect of doing them once) and for {@link
 *       Kind#IDEMPOTENT_WITH_KEY} ({@code POST /contracts}: its {@code Idempotency-Key}, the same
 *       on every attempt, makes the server answer a repeat with the first result instead of renting
 *       twice). Other POSTs are not: the server may already have acted.
 *   <li>429, 502, 503 and 504 are retried for the same two kinds: the server (or a proxy in front
 *       of it) says the request was not handled, or could not say. A {@code Retry-After} is
 *       honoured, capped by {@code maxDelay}.
 *   <li>Everything else is final: any other 4xx is the server's considered answer and repeating the
 *       request gets the same one; other 5xx say the server failed while handling it.
 * </ol>
 *
 * <p>Backoff without {@code Retry-After} is exponential with full jitter: a uniformly random wait
 * between zero and {@code min(maxDelay, baseDelay × 2^(attempt-1))}, so many clients that failed
 * together do not come back together.
 */
public final class RetryPolicy {

  /** How safe a request is to repeat. */
  public enum Kind {
    /** GET, and PUT of a whole value by id: doing it twice is doing it once. */
    IDEMPOTENT,
    /** A POST made idempotent by an {@code Idempotency-Key} reused on every attempt. */
    IDEMPOTENT_WITH_KEY,
    /** Any other POST: a repeat may act twice. */
    NON_IDEMPOTENT,
    /**
     * A POST whose key the server may ignore ({@code POST /contracts} before the client knows):
     * repeated only when the server certainly did not act on it (the connection never opened, or
     * 429). After a timeout, a broken connection or a 502/503/504 its outcome is unknown, and the
     * caller decides what to do.
     */
    AT_MOST_ONCE
  }

  /** How an attempt failed without an HTTP answer. */
  public enum Failure {
    /** The connection could not be opened: the request never left this machine. */
    CONNECT_FAILED,
    /** No answer in time: the server may or may not have acted. */
    TIMEOUT,
    /** The connection broke after the request was (maybe partly) sent. */
    CONNECTION_BROKEN,
    /** The host name does not resolve: the request never left this machine. */
    UNKNOWN_HOST,
    /** No TLS session could be set up (a plain-http server, or a certificate refused). */
    TLS_FAILED;

    /** Whether the request surely never reached the server. */
    public boolean neverSent() {
      return this == CONNECT_FAILED || this == UNKNOWN_HOST || this == TLS_FAILED;
    }
  }

  /**
   * Whether to try again, after how long, and why.
   *
   * @param delay the wait before the next attempt; zero when {@code retry} is false
   */
  public record Decision(boolean retry, Duration delay, String reason) {}

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final DoubleSupplier random;

  /**
   * @param maxAttempts attempts in all, including the first (1 disables retries)
   * @param baseDelay the backoff bound of the first retry
   * @param maxDelay the cap on any single wait, {@code Retry-After} included
   * @param random uniform values in [0, 1) for the jitter
   */
  public RetryPolicy(
      int maxAttempts, Duration baseDelay, Duration maxDelay, DoubleSupplier random) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.random = Objects.requireNonNull(random, "random");
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  /** After attempt number {@code attempt} (1-based) failed without an HTTP answer. */
  public Decision onFailure(Kind kind, Failure failure, int attempt) {
    if (failure == Failure.UNKNOWN_HOST) {
      return stop("the host name does not resolve: asking again at once gets the same answer");
    }
    if (failure == Failure.TLS_FAILED) {
      return stop("TLS could not be set up: the server's setup will not change between attempts");
    }
    if (attempt >= maxAttempts) {
      return stop("no attempts left (" + maxAttempts + " made)");
    }
    if (failure == Failure.CONNECT_FAILED) {
      return retry(backoff(attempt), "connect failed: the server never received the request");
    }
    if (kind == Kind.NON_IDEMPOTENT || kind == Kind.AT_MOST_ONCE) {
      return stop("the server may have acted on it and the request is not safe to repeat");
    }
    return retry(
        backoff(attempt),
        kind == Kind.IDEMPOTENT
            ? "repeating an idempotent request is safe"
            : "the idempotency key makes the server answer a repeat with the first result");
  }

  /**
   * After attempt number {@code attempt} (1-based) got HTTP {@code status}.
   *
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  public Decision onStatus(Kind kind, int status, Duration retryAfter, int attempt) {
    boolean transientStatus = status == 429 || status == 502 || status == 503 || status == 504;
    if (!transientStatus) {
      return stop("HTTP " + status + " is final: repeating gets the same answer");
    }
    if (kind == Kind.NON_IDEMPOTENT || (kind == Kind.AT_MOST_ONCE && status != 429)) {
      return stop("HTTP " + status + " on a request that is not safe to repeat");
    }
    if (attempt >= maxAttempts) {
      return stop("no attempts left (" + maxAttempts + " made)");
    }
    if (retryAfter != null) {
      Duration wait = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
      return retry(
          wait.compareTo(maxDelay) > 0 ? maxDelay : wait,
          "HTTP " + status + " with Retry-After: waiting as asked (capped)");
    }
    return retry(backoff(attempt), "HTTP " + status + ": the request was not handled");
  }

  /** Full jitter: uniform in [0, min(maxDelay, base × 2^(attempt-1))). */
  Duration backoff(int attempt) {
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    long bound = base;
    for (int i = 1; i < attempt && bound < cap; i++) {
      bound = bound > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : bound * 2;
    }
    bound = Math.min(bound, cap);
    return Duration.ofNanos((long) (bound * random.getAsDouble()));
  }

  private static Decision retry(Duration delay, String reason) {
    return new Decision(true, delay, reason);
  }

  private static Decision stop(String reason) {
    return new Decision(false, Duration.ZERO, reason);
  }
}
