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

  @Override
  void close();
}
