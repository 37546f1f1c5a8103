package dev.market.server.domain;

/**
 * The storage port. Work passed to {@link #write} runs in one transaction that commits when it
 * returns and rolls back when it throws; writers are serialized where the database needs it (SQLite
 * has one writer). {@link #read} runs without a write lock.
 */
public interface MarketStore extends AutoCloseable {

  /** A unit of work against the repositories of one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Tx tx);
  }

  <T> T write(Work<T> work);

  <T> T read(Work<T> work);

  /**
   * Records a (public key, nonce) pair; false when it was already there (a replay). Runs in its own
   * short transaction so a refused request leaves it recorded.
   */
  boolean recordNonce(String pubkey, String nonce, long nowNs);

  /**
   * Takes one token from a bucket shared by every server process on this database.
   *
   * @return 0 when a token was taken, else the seconds until one is available
   */
  long takeSharedToken(String bucketKey, double perSecond, double burst, long nowNs);

  @Override
  void close();
}
