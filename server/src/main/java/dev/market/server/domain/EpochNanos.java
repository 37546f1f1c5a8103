package dev.market.server.domain;

import java.time.Clock;
import java.time.Instant;

/** The protocol's times are Unix nanoseconds (notifications: seconds); the one conversion. */
public final class EpochNanos {
  public static final long PER_SECOND = 1_000_000_000L;

  private EpochNanos() {}

  /** {@code instant} as Unix nanoseconds; exact, or ArithmeticException past the year 2262. */
  public static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano());
  }

  public static long now(Clock clock) {
    return of(clock.instant());
  }

  /** Whole Unix seconds of a nanosecond time (notifications carry seconds). */
  public static long toSeconds(long epochNanos) {
    return Math.floorDiv(epochNanos, PER_SECOND);
  }

  public static long ofSeconds(long seconds) {
    return Math.multiplyExact(seconds, PER_SECOND);
  }
}
