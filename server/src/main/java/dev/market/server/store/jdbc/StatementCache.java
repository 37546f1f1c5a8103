package dev.market.server.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection that keeps its prepared statements: {@code prepareStatement(sql)} hands back the
 * statement it prepared for that text before, and the statement's {@code close()} closes its last
 * result set and clears its parameters and batch instead of finalizing it. SQLite compiles a
 * statement's text on every prepare: under rents that was a fifth of the group-commit writer's time
 * (issue 11). Used for that one write connection, which one thread owns for the life of the store,
 * and for the readers' connections under HikariCP, each one thread's at a time.
 *
 * <p>Nothing changes for the code that uses the connection: it prepares, binds, runs and closes as
 * before. A text whose statement is still out (not yet closed: the same query run again inside its
 * own row loop) gets a fresh statement that closes for real. At most {@code max} texts are kept,
 * the least recently used finalized first; closing the connection finalizes them all. Not
 * thread-safe, like the connection it serves.
 */
final class StatementCache implements InvocationHandler {
  private final Connection real;
  private final LinkedHashMap<String, Kept> kept;

  /** One kept statement and the handle its callers get. */
  private static final class Kept {
    final PreparedStatement statement;
    PreparedStatement handle;

    /** Handed out and not yet closed by its caller. */
    boolean out;

    /** Finalized: evicted, or its connection closed. The handle then reads as closed. */
    boolean finalized;

    /** The last result set handed out: closed on give-back, so no read stays open. */
    ResultSet rows;

    Kept(PreparedStatement statement) {
      this.statement = statement;
    }

    void finalizeQuietly() {
      finalized = true;
      try {
        statement.close();
      } catch (SQLException e) {
        // finalizing a statement nobody will run again: nothing left to do with it
      }
    }
  }

  private StatementCache(Connection real, int max) {
    this.real = real;
    this.kept =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            if (size() <= max || eldest.getValue().out) {
              return false;
            }
            eldest.getValue().finalizeQuietly();
            return true;
          }
        };
  }

  /** {@code real}, keeping up to {@code max} prepared statements across its transactions. */
  static Connection wrap(Connection real, int max) {
    return (Connection)
        Proxy.newProxyInstance(
            StatementCache.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new StatementCache(real, max));
  }

  @Override
  public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
    String name = m.getName();
    if (name.equals("prepareStatement") && args != null && args.length == 1) {
      return prepare((String) args[0]);
    }
    if (name.equals("close") && args == null) {
      for (Kept k : kept.values()) {
        k.finalizeQuietly();
      }
      kept.clear();
      real.close();
      return null;
    }
    return call(real, m, args);
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    Kept k = kept.get(sql);
    if (k != null && k.out) {
      return real.prepareStatement(sql); // still in use: a plain one, closed for real
    }
    if (k == null || k.finalized) {
      k = new Kept(real.prepareStatement(sql));
      k.handle = handle(k);
      kept.put(sql, k);
    }
    k.out = true;
    return k.handle;
  }

  /** The statement as its callers see it: close() puts it back. */
  private static PreparedStatement handle(Kept k) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            StatementCache.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (p, m, args) -> {
              String name = m.getName();
              if (args == null && name.equals("close")) {
                giveBack(k);
                return null;
              }
              if (args == null && name.equals("isClosed")) {
                return !k.out || k.finalized;
              }
              Object result = call(k.statement, m, args);
              if (args == null && (name.equals("executeQuery") || name.equals("getResultSet"))) {
                k.rows = (ResultSet) result;
              }
              return result;
            });
  }

  private static void giveBack(Kept k) throws SQLException {
    if (!k.out || k.finalized) {
      return; // closed twice, or finalized meanwhile
    }
    k.out = false;
    try {
      // an unread row keeps SQLite's read open, and with it the connection's old snapshot: the
      // next query of any text would not see what others committed since
      if (k.rows != null) {
        k.rows.close();
        k.rows = null;
      }
      k.statement.clearBatch();
      k.statement.clearParameters();
    } catch (SQLException | RuntimeException e) {
      k.finalizeQuietly(); // not handed out again: prepare() makes a new one for the text
      throw e;
    }
  }

  private static Object call(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
