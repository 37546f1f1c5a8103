package dev.market.server.store.jdbc;

/** The store's own threads (the group-commit writer, the checkpointer): how they are stopped. */
final class StoreThreads {
  private StoreThreads() {}

  /**
   * Wakes {@code thread} from its wait and gives it 10 s to finish what it holds; its owner has
   * already told it to stop (a closed flag it reads on waking).
   */
  static void stop(Thread thread) {
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
