package dev.market.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code market-server account verify USERNAME} beside a live server that requires a verified
 * e-mail address: the refused renter can rent afterwards.
 */
class AccountVerifyCommandTest {

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
  void verifying_an_account_lets_it_rent_and_an_unknown_name_exits_3() {
    String db = TestDatabases.freshSqlite();
    try (TestServer s = TestServer.start(db, b -> b.requireVerifiedEmail(true))) {
      Market m = new Market(s);
      long offering = m.publish(Ids.of("verify-provider"), "verify-1", "720");
      var renter = Ids.of("verify-renter");
      Raw.Reply reg =
          m.raw.post(
              renter,
              "/api/v1/accounts",
              "{\"username\":\"Vera\",\"email\":\"vera@example.org\",\"publicKey\":\""
                  + renter.publicKeyHex()
                  + "\"}");
      assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
      Raw.Reply refused = m.tryRent(renter, offering);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.code()).isEqualTo("email_not_verified");

      Run unknown = run("account", "verify", "nobody", "--db", db);
      Run ok = run("account", "verify", "vera", "--db", db);

      assertThat(unknown.exit()).isEqualTo(3);
      assertThat(unknown.err())
          .isEqualTo("market-server: account verify: no account named nobody\n");
      assertThat(ok.exit()).as(ok.err()).isZero();
      assertThat(ok.out()).isEqualTo("verified the e-mail address of vera\n");
      Raw.Reply rented = m.tryRent(renter, offering);
      assertThat(rented.status()).as(rented.toString()).isEqualTo(200);
    }
  }

  @Test
  void without_a_username_it_is_a_usage_error() {
    Run r = run("account", "verify");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("market-server: usage: market-server account verify USERNAME [--db PATH|URL]\n");
  }
}
