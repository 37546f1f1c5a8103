package dev.market.server.reliability;

import dev.market.protocol.crypto.Identity;
import dev.market.server.domain.validation.Text;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One server per database kind for the whole reliability run, with a provider, renter, stranger.
 */
final class Fixture {
  /** Rounds of each race and tries of each property: {@code -Dreliability.rounds=N}. */
  static final int ROUNDS = Integer.getInteger("reliability.rounds", 60);

  private static final Map<TestDatabases.Kind, Fixture> BY_KIND =
      new EnumMap<>(TestDatabases.Kind.class);

  final TestDatabases.Kind kind;
  final TestServer server;
  final Market m;
  final Identity provider = Ids.of("rel-provider");
  final Identity renter = Ids.of("rel-renter");
  final Identity stranger = Ids.of("rel-stranger");
  final long offering;

  private Fixture(TestDatabases.Kind kind) {
    this.kind = kind;
    this.server = TestServer.start(TestDatabases.fresh(kind));
    this.m = new Market(server);
    this.offering = m.publish(provider, "rel-1", "25");
  }

  static synchronized Fixture of(TestDatabases.Kind kind) {
    return BY_KIND.computeIfAbsent(kind, Fixture::new);
  }

  /** The fixtures this run has started. */
  static synchronized List<Fixture> started() {
    return new ArrayList<>(BY_KIND.values());
  }

  /** Every text value stored in any table, as (table.column, value). */
  List<String[]> storedText() throws Exception {
    List<String[]> out = new ArrayList<>();
    String url = kind == TestDatabases.Kind.SQLITE ? "jdbc:sqlite:" + server.db : server.db;
    try (Connection c = DriverManager.getConnection(url)) {
      List<String> tables = new ArrayList<>();
      String list =
          kind == TestDatabases.Kind.SQLITE
              ? "SELECT name FROM sqlite_master WHERE type = 'table'"
              : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";
      try (ResultSet rs = c.createStatement().executeQuery(list)) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM \"" + t + "\"")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
              Object v = rs.getObject(i);
              if (v instanceof String s) {
                out.add(new String[] {t + "." + md.getColumnName(i), s});
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** Stored text that breaks the documented text rule (no NUL, controls, bidi, lone surrogates). */
  List<String> brokenText() throws Exception {
    List<String> broken = new ArrayList<>();
    for (String[] cell : storedText()) {
      if (Text.problem(cell[1]) != null) {
        broken.add(cell[0] + ": " + Text.problem(cell[1]));
      }
    }
    return broken;
  }
}
