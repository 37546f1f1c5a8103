package dev.market.server.domain;

/** Token buckets shared by every server process on one database. */
public interface RateLimitRepository {

  /**
   * Takes one token from a bucket.
   *
   * @return 0 when a token was taken, else the seconds until one is available
   */
  long take(String bucketKey, double perSecond, double burst, long nowNs);

  int pruneOlderThan(long nowNs);
}
