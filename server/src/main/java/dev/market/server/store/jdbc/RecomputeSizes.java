package dev.market.server.store.jdbc;

import dev.market.server.domain.search.Capacity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 3: recomputes offerings' memory_gb, ssd_gb and hdd_gb with {@link Capacity#toGb}.
 *
 * <p>Rows written before it were sized by a second parser that read 1 TB as 1000 GB and gave up on
 * "2 x 1.92 TB NVMe", "12 x 12 TB" or "64 GB DDR5", so size searches (which use {@code Capacity})
 * missed them. A SQL migration cannot run that parser, hence Java; registered explicitly by {@link
 * JdbcStore} so it runs in the same history on SQLite and PostgreSQL.
 */
final class RecomputeSizes extends JavaMigrationStep {

  RecomputeSizes() {
    super("3", "recompute sizes");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    // read everything first: SQLite should not update a table under an open cursor on it
    List<Long[]> changed = new ArrayList<>();
    try (PreparedStatement read =
            c.prepareStatement(
                "SELECT id, memory_amount, memory_gb, total_ssd_capacity, ssd_gb,"
                    + " total_hdd_capacity, hdd_gb FROM offerings");
        ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        Long memory = Capacity.toGb(rs.getString("memory_amount"));
        Long ssd = Capacity.toGb(rs.getString("total_ssd_capacity"));
        Long hdd = Capacity.toGb(rs.getString("total_hdd_capacity"));
        if (!Objects.equals(memory, longOrNull(rs, "memory_gb"))
            || !Objects.equals(ssd, longOrNull(rs, "ssd_gb"))
            || !Objects.equals(hdd, longOrNull(rs, "hdd_gb"))) {
          changed.add(new Long[] {memory, ssd, hdd, rs.getLong("id")});
        }
      }
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE offerings SET memory_gb = ?, ssd_gb = ?, hdd_gb = ? WHERE id = ?")) {
      for (Long[] row : changed) {
        for (int i = 0; i < 4; i++) {
          setLong(update, i + 1, row[i]);
        }
        update.executeUpdate();
      }
    }
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }
}
