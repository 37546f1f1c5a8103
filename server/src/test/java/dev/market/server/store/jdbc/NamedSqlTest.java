package dev.market.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.server.support.TestDatabases;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding by name, now that a parsed text is kept and reused (issue 11). */
class NamedSqlTest {

  private static <T> T onSqlite(java.util.function.Function<Connection, T> f) {
    try (JdbcStore store = JdbcStore.open(TestDatabases.freshSqlite())) {
      return store.write(tx -> f.apply(((JdbcTx) tx).connection()));
    }
  }

  @Test
  void names_lists_quotes_and_a_reused_text_bind_as_before() {
    List<String> rows =
        onSqlite(
            c -> {
              NamedSql.sql("CREATE TABLE t (k TEXT, v INTEGER)").update(c);
              NamedSql.batch(
                  c,
                  List.of(
                      NamedSql.sql("INSERT INTO t (k, v) VALUES (:k, :v)")
                          .bind("k", "a")
                          .bind("v", 1L),
                      NamedSql.sql("INSERT INTO t (k, v) VALUES (:k, :v)")
                          .bind("k", "b:c")
                          .bind("v", 2L),
                      NamedSql.sql("INSERT INTO t (k, v) VALUES (:k, :v)")
                          .bind("k", null)
                          .bind("v", 3L)));
              String text = "SELECT k || ':x' FROM t WHERE v IN (:vs) AND k <> ':nope' ORDER BY v";
              // the same text with lists of two lengths, then again: the kept parse expands each
              List<String> two =
                  NamedSql.sql(text).bind("vs", List.of(1L, 2L)).list(c, rs -> rs.getString(1));
              List<String> one =
                  NamedSql.sql(text).bind("vs", List.of(2L)).list(c, rs -> rs.getString(1));
              assertThat(one).containsExactly("b:c:x");
              return two;
            });
    assertThat(rows).containsExactly("a:x", "b:c:x");
  }

  @Test
  void an_unbound_name_or_an_empty_list_is_refused() {
    onSqlite(
        c -> {
          assertThatThrownBy(() -> NamedSql.sql("SELECT :a, :b").bind("a", 1L).list(c, rs -> 1))
              .hasMessageContaining("no value bound to :b");
          assertThatThrownBy(
                  () ->
                      NamedSql.sql("SELECT 1 WHERE 1 IN (:xs)")
                          .bind("xs", List.of())
                          .list(c, rs -> 1))
              .hasMessageContaining(":xs is an empty list");
          return null;
        });
  }
}
