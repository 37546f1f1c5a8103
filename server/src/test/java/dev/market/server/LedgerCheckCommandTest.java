package dev.market.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code market-server ledger check} on a live SQLite database: 0 when consistent, 3 when not. */
class LedgerCheckCommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ServerMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void a_consistent_ledger_exits_0_and_a_tampered_balance_exits_3_naming_the_account()
      throws Exception {
    String db = TestDatabases.freshSqlite();
    try (TestServer s = TestServer.start(db)) {
      Market m = new Market(s);
      long offering = m.publish(Ids.of("check-provider"), "check-1", "720");
      m.rent(Ids.of("check-renter"), offering);

      Run ok = run("ledger", "check", "--db", db);
      assertThat(ok.err()).isEmpty();
      assertThat(ok.exit()).isZero();
      assertThat(ok.out())
          .contains("deposits     1000000000000000 e9s")
          .contains("in escrow    24000000000 e9s")
          .endsWith("ledger consistent\n");

      String wallet = "wallet:" + Ids.of("check-renter").publicKeyHex();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement st = c.createStatement()) {
        st.execute(
            "UPDATE ledger_accounts SET balance_e9s = balance_e9s + 1 WHERE account = '"
                + wallet
                + "'");
      }
      Run bad = run("ledger", "check", "--db", db);
      assertThat(bad.exit()).isEqualTo(3);
      assertThat(bad.out())
          .contains(
              "MISMATCH     balances add up to 1000000000000001 e9s, but deposits minus"
                  + " withdrawals are 1000000000000000 e9s")
          .contains(
              "MISMATCH     "
                  + wallet
                  + " stores 999976000000001 e9s but its entries add up to 999976000000000 e9s")
          .endsWith("2 mismatch(es)\n");
    }
  }

  @Test
  void a_missing_subcommand_is_a_usage_error() {
    Run r = run("ledger");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("market-server: usage: market-server ledger check [--db PATH|URL]\n");
  }
}
