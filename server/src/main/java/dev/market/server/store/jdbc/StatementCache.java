package dev.market.server.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection that keeps its prepared statements: {@code prepareStatement(sql)} hands back the
 * statement it prepared for that text before, and the statement's {@code close()} clears its
 * parameters and batch instead of finalizing it. For the one SQLite write connection, which one
 * thread owns for the life of the store (GroupCommit): SQLite compiles a statement's text on every
 * prepare, and under rents that compiling was a fifth of the writer thread's time (issue 11).
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

  private static final class Kept {
    final PreparedStatement statement;
    final PreparedStatement handle;
    boolean out;

    /** The last result set handed out: closed on give-back, so no read stays open. */
    java.sql.ResultSet rows;

    Kept(PreparedStatement statement, PreparedStatement handle) {
      this.statement = statement;
      this.handle = handle;
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
            closeQuietly(eldest.getValue().statement);
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
    if (name.equals("close") && (args == null || args.length == 0)) {
      for (Kept k : kept.values()) {
        closeQuietly(k.statement);
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
    if (k == null) {
      PreparedStatement ps = real.prepareStatement(sql);
      Kept fresh = new Kept(ps, handle(ps, sql));
      kept.put(sql, fresh);
      k = fresh;
    }
    k.out = true;
    return k.handle;
  }

  /** The statement as its callers see it: close() puts it back. */
  private PreparedStatement handle(PreparedStatement ps, String sql) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            StatementCache.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (p, m, args) -> {
              if (m.getName().equals("close") && (args == null || args.length == 0)) {
                giveBack(sql, ps);
                return null;
              }
              if ((m.getName().equals("executeQuery") || m.getName().equals("getResultSet"))
                  && (args == null || args.length == 0)) {
                java.sql.ResultSet rs = (java.sql.ResultSet) call(ps, m, args);
                Kept k = kept.get(sql);
                if (k != null && k.statement == ps) {
                  k.rows = rs;
                }
                return rs;
              }
              if (m.getName().equals("isClosed") && (args == null || args.length == 0)) {
                Kept k = kept.get(sql);
                return k == null || k.statement != ps || !k.out || ps.isClosed();
              }
              return call(ps, m, args);
            });
  }

  private void giveBack(String sql, PreparedStatement ps) throws SQLException {
    Kept k = kept.get(sql);
    if (k == null || k.statement != ps || !k.out) {
      return; // closed twice, or evicted meanwhile
    }
    k.out = false;
    try {
      // an unread row keeps SQLite's read open, and with it the connection's old snapshot: the
      // next query of any text would not see what others committed since
      if (k.rows != null) {
        k.rows.close();
        k.rows = null;
      }
      ps.clearBatch();
      ps.clearParameters();
    } catch (SQLException | RuntimeException e) {
      kept.remove(sql);
      closeQuietly(ps);
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

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException e) {
      // finalizing a statement of a connection being dropped: nothing left to do with it
    }
  }
}
