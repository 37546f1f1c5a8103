package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.client.support.AnswerDroppingProxy;
import dev.market.protocol.model.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code market rent} against our REAL server behind a proxy that loses the first answer to {@code
 * POST /contracts} after the server acted; and a rent the wallet cannot pay for.
 */
class LostRentTest {
  @TempDir Path dir;
  MarketFixture f;
  AnswerDroppingProxy proxy;
  Path key;

  @BeforeEach
  void start() throws Exception {
    f = new MarketFixture(dir);
    proxy = new AnswerDroppingProxy(f.url);
    key = dir.resolve("id.pub");
    Files.writeString(key, MarketFixture.sshKey(f.renter) + "\n");
  }

  @AfterEach
  void stop() {
    proxy.close();
    f.close();
  }

  private long balance() {
    return f.client(f.renter).wallet().show().balance();
  }

  @Test
  void a_rent_whose_answer_is_lost_rents_once_and_charges_once() {
    long offering = f.offering("lost-1", "Lost box", "7.2");
    long before = balance();
    CliRunner renter = f.cli("renter").env("MARKET_API_URL", proxy.url());
    proxy.dropNextAnswer("POST", "/api/v1/contracts");

    Result r =
        renter.run(
            "rent",
            String.valueOf(offering),
            "--ssh-key",
            key.toString(),
            "--hours",
            "10",
            "--yes",
            "-o",
            "ids");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<Contract> mine = f.client(f.renter).rentals().list();
    assertThat(mine).extracting(Contract::contractId).containsExactly(r.out().strip());
    assertThat(balance()).isEqualTo(before - 100_000_000L); // 7.2 x 10 h / 720, once
    assertThat(proxy.seen())
        .extracting(AnswerDroppingProxy.Seen::line)
        .startsWith(
            "GET /api/v1/offerings/1", // the rent dialog checks hours, key and OS against it
            "POST /api/v1/contracts",
            "GET /api/v1/health",
            "POST /api/v1/contracts");
    assertThat(proxy.seen().get(1).dropped()).isTrue();
  }

  @Test
  void a_rent_the_wallet_cannot_pay_for_exits_3_naming_both_amounts_and_the_deposit_to_make() {
    long offering = f.offering("dear-1", "Dear box", "1000000");

    Result r =
        f.cli("renter")
            .run(
                "rent",
                String.valueOf(offering),
                "--ssh-key",
                key.toString(),
                "--hours",
                "720",
                "--yes");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: rent offering "
                + offering
                + ": insufficient funds: this rent costs 1000000.00 USD and your wallet holds"
                + " 1000.00\n"
                + "hint: market wallet deposit 999000   (the shortfall; then rent again)\n");
    assertThat(f.client(f.renter).rentals().list()).isEmpty();
    assertThat(balance()).isEqualTo(MarketFixture.FUNDS_E9S);
  }

  @Test
  void the_rent_sends_wallet_unless_told_otherwise() {
    long offering = f.offering("pm-1", "Pay box", "7.2");

    Result r =
        f.cli("renter")
            .run(
                "rent",
                String.valueOf(offering),
                "--ssh-key",
                key.toString(),
                "--hours",
                "10",
                "--yes",
                "-o",
                "ids");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(f.contract(r.out().strip()).paymentMethod()).isEqualTo("wallet");
  }
}
