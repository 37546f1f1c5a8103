package dev.market.client.internal;

import java.time.Duration;

/**
 * Waits between retries and polls. The client takes one so tests can record the waits (and advance
 * a fake clock) instead of sleeping for real.
 */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM = new SystemSleeper();

  /** {@link #SYSTEM}: a class, not a lambda linked on every start-up. */
  final class SystemSleeper implements Sleeper {
    private SystemSleeper() {}

    @Override
    public void sleep(Duration d) throws InterruptedException {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    }
  }
}
