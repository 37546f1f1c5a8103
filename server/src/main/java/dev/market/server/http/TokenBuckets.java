package dev.market.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key token buckets in this process's memory, for the per-address flood guard: it protects the
 * process being flooded, so N processes allow an address N x the limit. Sharing it through
 * rate_limit_buckets would make every read a write transaction (measured in docs/server.md: -35%
 * read throughput on SQLite, -17% on PostgreSQL). The per-signer rent limit, which is a marketplace
 * rule, lives in the database so every process shares it.
 */
final class TokenBuckets {
  private final double perSecond;
  private final double burst;
  private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

  TokenBuckets(int perMinute, int burst) {
    this.perSecond = perMinute / 60.0;
    this.burst = burst;
  }

  /**
   * Takes a token from {@code key}'s bucket.
   *
   * @return 0 when a token was taken, else whole seconds until one is available
   */
  long take(String key, long nowNs) {
    long[] wait = {0};
    buckets.compute(
        key,
        (k, b) -> {
          // b = {tokens, lastNs}
          if (b == null) {
            b = new double[] {burst, (double) nowNs};
          }
          double elapsed = Math.max(0, (double) nowNs - b[1]) / 1e9;
          double tokens = Math.min(burst, b[0] + elapsed * perSecond);
          b[1] = Math.max(b[1], (double) nowNs);
          if (tokens >= 1) {
            b[0] = tokens - 1;
          } else {
            b[0] = tokens;
            wait[0] = (long) Math.max(1, Math.ceil((1 - tokens) / perSecond));
          }
          return b;
        });
    return wait[0];
  }

  /** Drops buckets that have refilled completely: they hold no information. */
  void prune(long nowNs) {
    buckets.values().removeIf(b -> b[0] + (nowNs - b[1]) / 1e9 * perSecond >= burst);
  }
}
