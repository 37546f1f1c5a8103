package dev.market.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's WAL checkpoints on a thread of their own. Left to SQLite, the connection whose commit
 * takes the WAL past 1,000 pages copies them into the database file and fsyncs it before that
 * commit returns: that connection is the group-commit writer, so every write queued behind it
 * waited for the copy too. Here a PASSIVE checkpoint, which never blocks the writer or a reader,
 * runs every {@value #PERIOD_MS} ms on its own connection. The writer keeps SQLite's own checkpoint
 * at {@value #WRITER_BACKSTOP_PAGES} pages as a backstop, so the WAL stays bounded if this thread
 * falls behind or stops. A checkpoint is crash-safe by SQLite's design: it copies committed frames
 * and the WAL stays authoritative until they are synced.
 */
final class Checkpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  /** The writer's own auto-checkpoint, reached only when this thread falls behind. */
  static final int WRITER_BACKSTOP_PAGES = 10_000;

  static final long PERIOD_MS = 200;

  private final DataSource source;
  private final Thread thread;
  private volatile boolean closed;

  Checkpointer(DataSource source) {
    this.source = source;
    this.thread = new Thread(this::loop, "market-sqlite-checkpoint");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (!closed) {
      try (Connection c = source.getConnection();
          Statement s = c.createStatement()) {
        while (!closed) {
          s.execute("PRAGMA wal_checkpoint(PASSIVE)");
          Thread.sleep(PERIOD_MS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        // the writer's backstop keeps the WAL bounded meanwhile; try again on a new connection,
        // whatever went wrong: a thread that ended here would leave every checkpoint to the writer
        LOG.warn("WAL checkpoint failed; retrying in 1 s: {}", e.getMessage());
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    StoreThreads.stop(thread);
  }
}
