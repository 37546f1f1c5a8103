package dev.market.server.store.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * SQL with {@code :name} parameters instead of positional {@code ?}: a value is bound to its column
 * by name, so adding a column cannot shift every later value. A collection bound to a name expands
 * to {@code ?, ?, ...} (for {@code IN (:ids)}). Quoted text and PostgreSQL's {@code ::} casts are
 * left alone. User text only ever travels as a bound value.
 *
 * <p>Our own forty lines rather than Jdbi: the store already owns its connections and transactions
 * (SQLite's single IMMEDIATE writer), the SQL is hand-written per repository anyway, and binding is
 * all that was missing.
 */
final class NamedSql {

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Statements executed through this class since start, for the test that pins what a rent costs
   * (on PostgreSQL each is a round trip); a LongAdder, so counting costs the writers nothing.
   */
  static final LongAdder EXECUTED = new LongAdder();

  private final String text;
  private final Map<String, Object> values = new HashMap<>();

  private NamedSql(String text) {
    this.text = text;
  }

  static NamedSql sql(String text) {
    return new NamedSql(text);
  }

  NamedSql bind(String name, Object value) {
    values.put(name, value);
    return this;
  }

  int update(Connection c) {
    try (PreparedStatement ps = prepare(c)) {
      EXECUTED.increment();
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw JdbcStore.wrap(e);
    }
  }

  <T> List<T> list(Connection c, RowMapper<T> mapper) {
    EXECUTED.increment();
    try (PreparedStatement ps = prepare(c);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw JdbcStore.wrap(e);
    }
  }

  <T> Optional<T> one(Connection c, RowMapper<T> mapper) {
    List<T> rows = list(c, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The text with {@code ?} for each name, and the values in their order. */
  private record Expanded(String sql, List<Object> params) {}

  /**
   * Runs {@code rows}, all of the same text, as one JDBC batch: one prepare, and on PostgreSQL one
   * round trip for the lot. Returns the rows each changed.
   */
  static int[] batch(Connection c, List<NamedSql> rows) {
    if (rows.isEmpty()) {
      return new int[0];
    }
    String text = rows.get(0).text;
    List<Expanded> all = new ArrayList<>(rows.size());
    for (NamedSql row : rows) {
      if (!row.text.equals(text)) {
        throw new IllegalArgumentException("a batch runs one statement: " + row.text);
      }
      Expanded e = row.expand();
      if (!all.isEmpty() && !e.sql().equals(all.get(0).sql())) {
        throw new IllegalArgumentException("a batch cannot expand lists to different lengths");
      }
      all.add(e);
    }
    EXECUTED.increment();
    try (PreparedStatement ps = c.prepareStatement(all.get(0).sql())) {
      for (Expanded e : all) {
        bind(ps, e.params());
        ps.addBatch();
      }
      return ps.executeBatch();
    } catch (SQLException e) {
      throw JdbcStore.wrap(e);
    }
  }

  private PreparedStatement prepare(Connection c) throws SQLException {
    Expanded e = expand();
    PreparedStatement ps = c.prepareStatement(e.sql());
    try {
      bind(ps, e.params());
    } catch (SQLException | RuntimeException x) {
      ps.close();
      throw x;
    }
    return ps;
  }

  /**
   * A text parsed once: the literal pieces around its {@code :name}s, in order ({@code pieces} has
   * one more element than {@code names}), and the text with one {@code ?} per name.
   */
  private record Template(List<String> pieces, List<String> names, String sql) {}

  /** Parsed texts, so a statement run again is not parsed again (issue 11); bounded. */
  private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

  private static final int MAX_TEMPLATES = 4096;

  private static Template template(String text) {
    Template t = TEMPLATES.get(text);
    if (t == null) {
      t = parse(text);
      if (TEMPLATES.size() < MAX_TEMPLATES) {
        TEMPLATES.putIfAbsent(text, t);
      }
    }
    return t;
  }

  private static Template parse(String text) {
    List<String> pieces = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '\'') {
        int end = text.indexOf('\'', i + 1);
        end = end < 0 ? text.length() - 1 : end;
        piece.append(text, i, end + 1);
        i = end + 1;
      } else if (ch == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
        piece.append("::");
        i += 2;
      } else if (ch == ':'
          && i + 1 < text.length()
          && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
        int end = i + 1;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        pieces.add(piece.toString());
        piece.setLength(0);
        names.add(text.substring(i + 1, end));
        i = end;
      } else {
        piece.append(ch);
        i++;
      }
    }
    pieces.add(piece.toString());
    return new Template(List.copyOf(pieces), List.copyOf(names), String.join("?", pieces));
  }

  private Expanded expand() {
    Template t = template(text);
    List<Object> params = new ArrayList<>(t.names().size());
    boolean lists = false;
    for (String name : t.names()) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("no value bound to :" + name + " in " + text);
      }
      Object value = values.get(name);
      if (value instanceof Collection<?> many) {
        if (many.isEmpty()) {
          throw new IllegalArgumentException(":" + name + " is an empty list in " + text);
        }
        lists = true;
        params.addAll(many);
      } else {
        params.add(value);
      }
    }
    if (!lists) {
      return new Expanded(t.sql(), params);
    }
    StringBuilder sql = new StringBuilder(text.length() + params.size() * 3);
    for (int k = 0; k < t.names().size(); k++) {
      sql.append(t.pieces().get(k));
      if (values.get(t.names().get(k)) instanceof Collection<?> many) {
        sql.append("?, ".repeat(many.size() - 1)).append('?');
      } else {
        sql.append('?');
      }
    }
    sql.append(t.pieces().get(t.names().size()));
    return new Expanded(sql.toString(), params);
  }

  static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      int at = i + 1;
      if (p == null) {
        ps.setNull(at, Types.NULL);
      } else if (p instanceof String s) {
        ps.setString(at, s);
      } else if (p instanceof Long l) {
        ps.setLong(at, l);
      } else if (p instanceof Integer n) {
        ps.setInt(at, n);
      } else if (p instanceof Boolean b) {
        ps.setBoolean(at, b);
      } else if (p instanceof Double d) {
        ps.setDouble(at, d);
      } else if (p instanceof BigDecimal d) {
        ps.setBigDecimal(at, d);
      } else {
        throw new IllegalArgumentException("unsupported parameter type " + p.getClass());
      }
    }
  }

  /** Null-aware column readers. */
  static Long longOrNull(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  static Integer intOrNull(ResultSet rs, String col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  static Boolean boolOrNull(ResultSet rs, String col) throws SQLException {
    boolean v = rs.getBoolean(col);
    return rs.wasNull() ? null : v;
  }
}
