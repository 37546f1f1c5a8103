package dev.market.server.store.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 7: on PostgreSQL, each {@code seen_nonces} row records the transaction that wrote it
 * ({@code seen_xid}, indexed), so a process can read the pairs committed since it last looked
 * (docs/server.md, "Replay"). A sequence would not do: its numbers are taken before the commit, so
 * a lower one can become visible after a higher one was read. SQLite needs nothing: it has one
 * writer at a time, and a new row's rowid is the largest plus one, so rowid order is commit order.
 * Java, because the two databases need different statements in the same history.
 */
final class NonceCommitOrder extends JavaMigrationStep {

  private final JdbcStore.Dialect dialect;

  /** For the store's database: the store knows which it is, as every other dialect choice does. */
  NonceCommitOrder(JdbcStore.Dialect dialect) {
    super("7", "nonce commit order");
    this.dialect = dialect;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    if (dialect != JdbcStore.Dialect.POSTGRES) {
      return;
    }
    try (Statement s = context.getConnection().createStatement()) {
      s.execute(
          "ALTER TABLE seen_nonces ADD COLUMN seen_xid xid8 NOT NULL"
              + " DEFAULT pg_current_xact_id()");
      s.execute("CREATE INDEX seen_nonces_xid_idx ON seen_nonces (seen_xid)");
    }
  }
}
