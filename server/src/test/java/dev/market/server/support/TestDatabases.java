package dev.market.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests: a temp SQLite file, or a fresh database in the ONE embedded PostgreSQL
 * this JVM starts on first use (stopped by a shutdown hook).
 */
public final class TestDatabases {
  public enum Kind {
    SQLITE,
    POSTGRES
  }

  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** Skips the calling test (class) when {@code -Dpg.skip=true}. */
  public static void assumePostgres() {
    Assumptions.assumeFalse(
        Boolean.getBoolean("pg.skip"), "PostgreSQL variants skipped (-Dpg.skip=true)");
  }

  /** A new, empty database of that kind: a file path or a JDBC URL. */
  public static String fresh(Kind kind) {
    return kind == Kind.SQLITE ? freshSqlite() : freshPostgres();
  }

  public static String freshSqlite() {
    try {
      Path dir = Files.createTempDirectory("market-test");
      dir.toFile().deleteOnExit();
      return dir.resolve("market.db").toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static synchronized String freshPostgres() {
    assumePostgres();
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        EmbeddedPostgres started = postgres;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException ignored) {
                        // the JVM is exiting anyway
                      }
                    }));
      }
      String name = "t_" + UUID.randomUUID().toString().replace("-", "");
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return postgres.getJdbcUrl("postgres", name);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot start embedded PostgreSQL", e);
    }
  }
}
