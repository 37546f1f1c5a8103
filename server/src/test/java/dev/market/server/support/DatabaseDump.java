package dev.market.server.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Everything a database holds, as a backup would carry it, for secret scans.
 *
 * <p>SQLite: the bytes of the database file and its WAL, shared-memory and journal files (deleted
 * rows and old page versions included). PostgreSQL: {@code COPY table TO STDOUT} of every table
 * outside the system schemas, through the driver's {@link CopyManager}. That is the stream {@code
 * pg_dump} itself asks the server for and writes, byte for byte, as each table's data section; the
 * zonky embedded binaries ship {@code initdb}, {@code pg_ctl} and {@code postgres} but no {@code
 * pg_dump}. Unlike reading rows through JDBC, it covers every column type, {@code bytea} included.
 */
public final class DatabaseDump {
  private DatabaseDump() {}

  public static String of(TestDatabases.Kind kind, String db) throws Exception {
    return kind == TestDatabases.Kind.SQLITE ? sqliteFiles(db) : postgresCopy(db);
  }

  private static String sqliteFiles(String file) throws Exception {
    StringBuilder b = new StringBuilder();
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Path p = Path.of(file + suffix);
      if (Files.exists(p)) {
        b.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return b.toString();
  }

  private static String postgresCopy(String url) throws Exception {
    ByteArrayOutputStream dump = new ByteArrayOutputStream();
    try (Connection c = DriverManager.getConnection(url)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
                      + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
                      + " ORDER BY 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (String t : tables) {
        dump.write(("COPY " + t + " FROM stdin;\n").getBytes(StandardCharsets.UTF_8));
        copy.copyOut("COPY " + t + " TO STDOUT", dump);
        dump.write("\\.\n".getBytes(StandardCharsets.UTF_8));
      }
    }
    return dump.toString(StandardCharsets.UTF_8);
  }
}
