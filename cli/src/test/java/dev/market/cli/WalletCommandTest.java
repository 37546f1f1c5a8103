package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.MarketFixture;
import dev.market.protocol.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code market wallet}, {@code wallet deposit/withdraw}, {@code extend}, {@code auto-renew} and
 * {@code review} against the real server with the demo payment provider: exact output, exit codes
 * and balances.
 */
class WalletCommandTest {
  @TempDir Path dir;
  MarketFixture f;

  @BeforeEach
  void start() {
    f = new MarketFixture(dir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void wallet_shows_the_balance_and_the_ledger_and_deposit_credits_on_a_demo_server()
      throws Exception {
    CliRunner provider = f.cli("provider");
    CliRunner.Result dep = provider.run("wallet", "deposit", "12.5");
    assertThat(dep.err()).isEmpty();
    assertThat(dep.exitCode()).isZero();
    assertThat(dep.out()).isEqualTo("deposited 12.50 (demo, credited); balance 12.50\n");

    CliRunner.Result show = provider.run("wallet");
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).startsWith("balance  12.50\n");
    assertThat(show.out()).contains("deposit").contains("+12.50");

    CliRunner.Result json = provider.run("wallet", "-o", "json");
    assertThat(json.exitCode()).isZero();
    var node = Json.mapper().readTree(json.out());
    assertThat(node.get("balance_e9s").asLong()).isEqualTo(12_500_000_000L);
    assertThat(node.get("recent_ledger").get(0).get("entry_type").asText()).isEqualTo("deposit");

    CliRunner.Result out = provider.run("wallet", "withdraw", "20");
    assertThat(out.exitCode()).isEqualTo(3);
    assertThat(out.out()).isEmpty();
    assertThat(out.err()).contains("insufficient funds").contains("hint: market wallet");
    assertThat(provider.run("wallet", "withdraw", "2.5").out())
        .isEqualTo("withdrew 2.50 (demo, paid_out); balance 10.00\n");
  }

  @Test
  void a_bad_amount_is_a_usage_error_that_changes_nothing() {
    CliRunner.Result r = f.cli("provider").run("wallet", "deposit", "0.0000000001");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: wallet deposit: AMOUNT must be more than 0 and at most 1000000, with at most 9"
                + " decimals");
    assertThat(f.server().ledger().check().depositsE9s()).isEqualTo(2 * MarketFixture.FUNDS_E9S);
  }

  @Test
  void extend_charges_the_wallet_and_auto_renew_and_review_follow_the_rental() throws Exception {
    long offering = f.offering("w-1", "Wallet Box", "720");
    String id = f.rent(offering, 24, "email:alice@example.com", null);
    CliRunner renter = f.cli("renter");

    CliRunner.Result ext = renter.run("extend", id, "--hours", "6");
    assertThat(ext.err()).isEmpty();
    assertThat(ext.exitCode()).isZero();
    assertThat(ext.out()).startsWith("extended by 6 h for 6.00; ends ");
    CliRunner.Result on = renter.run("auto-renew", id, "on");
    assertThat(on.out()).isEqualTo("auto-renew on\n");
    assertThat(renter.run("auto-renew", id, "maybe").exitCode()).isEqualTo(2);

    CliRunner.Result early = renter.run("review", id, "--rating", "5");
    assertThat(early.exitCode()).isEqualTo(3);
    var w = Json.mapper().readTree(renter.run("wallet", "-o", "json").out());
    assertThat(w.get("balance_e9s").asLong())
        .isEqualTo(MarketFixture.FUNDS_E9S - 24_000_000_000L - 6_000_000_000L);

    CliRunner.Result tooLong = renter.run("extend", id, "--hours", "9000");
    assertThat(tooLong.exitCode()).isEqualTo(3);
    assertThat(tooLong.err()).contains("extensionHours: would make the rental 9030 hours");
    f.clock.advance(Duration.ofSeconds(1));
  }
}
