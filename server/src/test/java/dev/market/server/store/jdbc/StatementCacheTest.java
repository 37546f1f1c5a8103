package dev.market.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write connection's kept statements, on a real SQLite file. */
class StatementCacheTest {
  private Connection real;
  private Connection c;

  private String file;

  @BeforeEach
  void open() throws SQLException {
    file = TestDatabases.freshSqlite();
    real = DriverManager.getConnection("jdbc:sqlite:" + file);
    c = StatementCache.wrap(real, 2);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private static String one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  @Test
  void a_closed_statement_is_handed_out_again_with_its_parameters_cleared() throws SQLException {
    PreparedStatement first = c.prepareStatement("SELECT ?");
    first.setString(1, "bound");
    assertThat(one(first)).isEqualTo("bound");
    first.close();
    assertThat(first.isClosed()).isTrue();

    PreparedStatement again = c.prepareStatement("SELECT ?");
    assertThat(again).isSameAs(first);
    assertThat(again.isClosed()).isFalse();
    assertThat(one(again)).isNull(); // an unbound parameter is NULL: the old value is gone
    again.close();
  }

  @Test
  void a_text_still_in_use_gets_a_statement_of_its_own_that_closes_for_real() throws SQLException {
    PreparedStatement outer = c.prepareStatement("SELECT ?");
    PreparedStatement inner = c.prepareStatement("SELECT ?");
    assertThat(inner).isNotSameAs(outer);
    outer.setString(1, "outer");
    inner.setString(1, "inner");
    assertThat(one(inner)).isEqualTo("inner");
    assertThat(one(outer)).isEqualTo("outer");
    inner.close();
    assertThat(inner.isClosed()).isTrue();
    outer.close();
    assertThat(c.prepareStatement("SELECT ?")).isSameAs(outer);
  }

  @Test
  void past_its_size_the_least_recently_used_statement_is_finalized() throws SQLException {
    PreparedStatement a = c.prepareStatement("SELECT 1");
    a.close();
    PreparedStatement b = c.prepareStatement("SELECT 2");
    b.close();
    c.prepareStatement("SELECT 1").close(); // a is now the most recently used
    PreparedStatement third = c.prepareStatement("SELECT 3");
    third.close();

    assertThat(c.prepareStatement("SELECT 1")).isSameAs(a);
    assertThat(b.unwrap(PreparedStatement.class).isClosed()).isTrue(); // finalized in SQLite
    assertThat(c.prepareStatement("SELECT 2")).isNotSameAs(b);
  }

  @Test
  void a_statement_that_failed_runs_again_and_a_rolled_back_savepoint_leaves_it_usable()
      throws SQLException {
    String insert = "INSERT INTO t (k, v) VALUES (?, ?)";
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setLong(1, 1);
      ps.setString(2, "one");
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setLong(1, 1);
      ps.setString(2, "again");
      assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class);
    }
    c.setAutoCommit(false);
    java.sql.Savepoint sp = c.setSavepoint();
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setLong(1, 2);
      ps.setString(2, "undone");
      ps.executeUpdate();
    }
    c.rollback(sp);
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setLong(1, 3);
      ps.setString(2, "three");
      ps.executeUpdate();
    }
    c.commit();
    c.setAutoCommit(true);
    try (PreparedStatement ps = c.prepareStatement("SELECT group_concat(v, ',') FROM t")) {
      assertThat(one(ps)).isEqualTo("one,three");
    }
  }

  @Test
  void a_statement_given_back_with_its_rows_unread_holds_no_snapshot_of_the_database()
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("INSERT INTO t (k, v) VALUES (1, 'old'), (2, 'two')");
    }
    PreparedStatement ps = c.prepareStatement("SELECT v FROM t ORDER BY k");
    ResultSet rs = ps.executeQuery();
    assertThat(rs.next()).isTrue(); // one row read, the other left: SQLite's read stays open
    ps.close(); // as HikariCP closes a returned connection's statements

    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      s.execute("UPDATE t SET v = 'new' WHERE k = 1");
    }
    // another text on the same connection: it would see the old row through a held snapshot
    try (PreparedStatement other = c.prepareStatement("SELECT v FROM t WHERE k = 1")) {
      assertThat(one(other)).isEqualTo("new");
    }
    try (PreparedStatement again = c.prepareStatement("SELECT v FROM t ORDER BY k")) {
      assertThat(again).isSameAs(ps);
      assertThat(one(again)).isEqualTo("new");
    }
  }

  @Test
  void closing_the_connection_finalizes_every_kept_statement() throws SQLException {
    PreparedStatement kept = c.prepareStatement("SELECT 1");
    kept.close();
    PreparedStatement underneath = kept.unwrap(PreparedStatement.class);
    assertThat(underneath.isClosed()).isFalse(); // given back, still prepared
    c.close();
    assertThat(real.isClosed()).isTrue();
    assertThat(underneath.isClosed()).isTrue();
    assertThat(kept.isClosed()).isTrue();
    c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite::memory:"), 2);
  }
}
