package dev.market.server.store.jdbc;

import dev.market.server.domain.MarketStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;

/**
 * SQLite's group commit: one thread owns the one write connection, takes every write transaction
 * waiting at that moment, runs each inside its own savepoint of one database transaction and
 * commits them with one fsync. A transaction that throws is rolled back to its savepoint alone; the
 * others see the database as if it had never run. No caller hears back before the commit returns,
 * so an acknowledged write is durable (synchronous=FULL), and a failed commit fails every
 * transaction of the group. Transactions still run one at a time, in arrival order: the same serial
 * order the single write connection gave before.
 */
final class GroupCommit implements AutoCloseable {
  /** Bounds the time one group holds the write lock and the latency of its first member. */
  private static final int MAX_GROUP = 128;

  /** Prepared statements kept on the write connection (StatementCache); a rent uses about ten. */
  private static final int KEPT_STATEMENTS = 256;

  private record Job<T>(MarketStore.Work<T> work, CompletableFuture<T> done) {
    void fail(Throwable e) {
      done.completeExceptionally(e);
    }
  }

  private final DataSource writer;
  private final JdbcStore.Dialect dialect;
  private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  /** The write connection, kept across groups for its prepared statements; this thread's only. */
  private Connection connection;

  GroupCommit(DataSource writer, JdbcStore.Dialect dialect) {
    this.writer = writer;
    this.dialect = dialect;
    this.thread = new Thread(this::loop, "market-group-commit");
    thread.setDaemon(true);
    thread.start();
  }

  <T> T write(MarketStore.Work<T> work) {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException("a write transaction may not start another");
    }
    if (closed) {
      throw JdbcStore.wrap(new java.sql.SQLTransientConnectionException("store closed"));
    }
    Job<T> job = new Job<>(work, new CompletableFuture<>());
    queue.add(job);
    try {
      return job.done().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private void loop() {
    List<Job<?>> group = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Job<?> first = queue.take();
        group.add(first);
      } catch (InterruptedException e) {
        if (closed) {
          break;
        }
        continue;
      }
      queue.drainTo(group, MAX_GROUP - 1);
      runGroup(group);
      group.clear();
    }
    discard();
    SQLException gone = new java.sql.SQLTransientConnectionException("store closed");
    Job<?> left;
    while ((left = queue.poll()) != null) {
      left.fail(JdbcStore.wrap(gone));
    }
  }

  private void runGroup(List<Job<?>> group) {
    List<Runnable> acknowledgements = new ArrayList<>(group.size());
    try {
      Connection c = connection();
      c.setAutoCommit(false);
      JdbcTx tx = new JdbcTx(c, dialect);
      try {
        for (Job<?> job : group) {
          acknowledgements.add(runOne(c, tx, job));
        }
        c.commit();
        // the driver begins the next transaction at once; ending it frees the write lock for
        // other processes on the file until the next group
        c.setAutoCommit(true);
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
          c.setAutoCommit(true);
        } catch (SQLException r) {
          e.addSuppressed(r);
          discard(); // a connection that cannot roll back is not used again
        }
        throw e;
      }
    } catch (SQLException e) {
      failAll(group, JdbcStore.wrap(e));
      return;
    } catch (RuntimeException | Error e) {
      failAll(group, e);
      return;
    }
    acknowledgements.forEach(Runnable::run);
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = StatementCache.wrap(writer.getConnection(), KEPT_STATEMENTS);
      // the driver's autocommit until a group begins: no transaction, so no lock, between groups
      connection.setAutoCommit(true);
    }
    return connection;
  }

  private void discard() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // dropping it either way; the next group opens another
      }
      connection = null;
    }
  }

  private static <T> Runnable runOne(Connection c, JdbcTx tx, Job<T> job) throws SQLException {
    Savepoint sp = c.setSavepoint();
    try {
      T result = job.work().run(tx);
      c.releaseSavepoint(sp);
      return () -> job.done().complete(result);
    } catch (RuntimeException | Error e) {
      c.rollback(sp);
      c.releaseSavepoint(sp);
      return () -> job.fail(e);
    }
  }

  private static void failAll(List<Job<?>> group, Throwable e) {
    for (Job<?> job : group) {
      job.fail(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    StoreThreads.stop(thread);
  }
}
