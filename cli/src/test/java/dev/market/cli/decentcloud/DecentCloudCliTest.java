package dev.market.cli.decentcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.ScriptedTerminal;
import dev.market.client.decentcloud.DecentCloudFake;
import dev.market.protocol.crypto.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same {@code market} commands against the Decent Cloud fake (the third party only). */
class DecentCloudCliTest {
  static final String PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  static final Identity ME = Identity.fromMnemonic(PHRASE);
  static final String PROVIDER =
      Identity.fromMnemonic(
              "legal winner thank year wave sausage worth useful legal winner thank yellow")
          .publicKeyHex();
  static final String SSH_KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop";

  @TempDir Path home;
  DecentCloudFake dc;
  CliRunner cli;
  long offering;

  @BeforeEach
  void start() throws Exception {
    dc = new DecentCloudFake();
    cli = new CliRunner(home).env("MARKET_API_URL", dc.url());
    Files.createDirectories(home.resolve("user-home/.ssh"));
    Files.writeString(home.resolve("user-home/.ssh/id_ed25519.pub"), SSH_KEY + "\n");
    assertThat(cli.runWithStdin(PHRASE, "identity", "import", "me").exitCode()).isZero();
    offering = dc.addOffering(PROVIDER, "vm-1", "Small VM", 7.2, true);
    dc.credit(ME.publicKeyHex(), 100_000_000_000L); // 100 USD
  }

  @AfterEach
  void stop() {
    dc.close();
  }

  String rent(String memo) {
    Result r =
        cli.run(
            "rent",
            String.valueOf(offering),
            "--yes",
            "--hours",
            "10",
            "--memo",
            memo,
            "-o",
            "ids");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r.out().strip();
  }

  @Test
  void a_rent_whose_answer_is_lost_is_found_and_reported_once() {
    dc.dropNextResponse("POST", "/contracts");

    String id = rent("first");

    assertThat(dc.contracts()).hasSize(1);
    assertThat(id).isEqualTo(dc.contracts().get(0).get("contract_id").asText());
  }

  @Test
  void a_lost_answer_to_a_rent_the_wallet_could_not_pay_exits_3_and_says_to_top_up() {
    DecentCloudFake poor = new DecentCloudFake();
    try {
      long id = poor.addOffering(PROVIDER, "vm-1", "Small VM", 7.2, true);
      poor.credit(ME.publicKeyHex(), 1L);
      poor.dropNextResponse("POST", "/contracts");

      Result r =
          cli.env("MARKET_API_URL", poor.url())
              .run("rent", String.valueOf(id), "--yes", "--hours", "10", "--memo", "first");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.err())
          .startsWith("error: rent offering " + id + ": the answer was lost; the rental ")
          .endsWith(
              " was found cancelled unpaid, as Decent Cloud leaves one the wallet could not pay"
                  + " for; this rent costs 0.10 USD and your wallet holds 0.000000001\nhint: top"
                  + " up your wallet (on Decent Cloud: the website's /dashboard/wallet page), then"
                  + " rent again\n");
    } finally {
      poor.close();
    }
  }

  @Test
  void a_rent_refused_for_an_unverified_email_exits_3_and_says_what_to_do() {
    rent("first"); // a keypair-only renter may rent once; that creates an unverified account

    Result r =
        cli.run("rent", String.valueOf(offering), "--yes", "--hours", "10", "--memo", "second");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "error: rent offering "
                + offering
                + ": "
                + DecentCloudFake.EMAIL_NOT_VERIFIED
                + "\nhint: market account show   (open the verification link the marketplace"
                + " e-mailed to its address, then rent again; no account yet: market account"
                + " register --username NAME --email ADDRESS)\n");
    assertThat(dc.contracts()).hasSize(1);
  }

  @Test
  void waiting_for_active_on_an_expired_rental_exits_6() {
    String id = rent("first");
    dc.setStatus(id, "Expired");

    Result r = cli.run("status", id, "--wait", "active", "--timeout", "5s");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
    assertThat(r.err()).contains("it is Expired, so it can no longer become active");
  }

  @Test
  void an_unknown_status_is_shown_verbatim() {
    String id = rent("first");
    dc.setStatus(id, "hibernating");

    Result r = cli.run("status", id);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("status:").contains("hibernating");
  }

  @Test
  void no_output_shows_the_root_password_except_credentials() {
    String id = rent("first");
    dc.provision(
        id,
        "{\"external_id\":\"101\",\"ip_address\":\"10.0.0.5\",\"ssh_port\":22,"
            + "\"root_password\":\"Hunter2-Root\",\"additional_details\":{\"vnc_password\":\"V-9\"},"
            + "\"gateway_subdomain\":\"k7m2p4.dc-lk.decent-cloud.org\",\"gateway_ssh_port\":20022}");

    Result connect = cli.run("connect", id);
    assertThat(connect.exitCode()).as(connect.toString()).isZero();
    assertThat(connect.out()).isEqualTo("ssh -p 20022 root@k7m2p4.dc-lk.decent-cloud.org\n");
    cli.run("status", id);
    cli.run("status", id, "-o", "json");
    cli.run("rentals", "-o", "json");
    cli.run("connect", id, "-o", "json");
    cli.run("--debug", "status", id, "-o", "json");
    for (Result r : cli.history()) {
      assertThat(r.out() + r.err()).doesNotContain("Hunter2-Root").doesNotContain("V-9");
    }
    Result creds = cli.run("credentials", id);
    assertThat(creds.exitCode()).as(creds.toString()).isZero();
    assertThat(creds.out()).contains("Hunter2-Root");
  }

  @Test
  void account_register_and_show_work_against_decent_cloud() {
    Result reg =
        cli.run("account", "register", "--username", "alice", "--email", "alice@example.org");

    assertThat(reg.exitCode()).as(reg.toString()).isZero();
    String head =
        "username:    alice\n"
            + "email:       alice@example.org\n"
            + "verified:    no (open the link the marketplace e-mailed to this address)\n"
            + "public key:  "
            + ME.publicKeyHex()
            + "\ncreated:     ";
    assertThat(reg.out()).startsWith(head).matches("(?s).*created: +[0-9-]{10} [0-9:]{8}Z\n");
    Result show = cli.run("account", "show");
    assertThat(show.exitCode()).as(show.toString()).isZero();
    assertThat(show.out()).isEqualTo(reg.out());

    dc.verifyEmail(ME.publicKeyHex());

    assertThat(cli.run("account", "show").out()).contains("verified:    yes\n");
    assertThat(cli.run("account", "show", "-o", "ids").out()).isEqualTo("alice\n");
    Result taken =
        cli.runWithStdin(
            "legal winner thank year wave sausage worth useful legal winner thank yellow",
            "identity",
            "import",
            "other");
    assertThat(taken.exitCode()).isZero();
    Result second =
        cli.env("MARKET_IDENTITY", "other")
            .run("account", "register", "--username", "ALICE", "--email", "o@example.org");
    assertThat(second.exitCode()).isEqualTo(3);
    assertThat(second.err()).isEqualTo("error: register account ALICE: Username already taken\n");
  }

  @Test
  void account_show_without_an_account_exits_3_and_says_how_to_register() {
    Result r = cli.run("account", "show");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            """
            error: account show: your key has no account on this marketplace
            hint: market account register --username NAME --email ADDRESS
            """);
  }

  @Test
  void wallet_shows_decent_clouds_balance_and_ledger() throws Exception {
    String id = rent("first");

    Result table = cli.run("wallet");
    Result json = cli.run("wallet", "-o", "json");

    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out()).startsWith("balance  99.90\n");
    assertThat(table.out().lines().skip(1).map(String::strip).toList())
        .hasSize(3)
        .satisfies(
            lines -> {
              assertThat(lines.get(0)).startsWith("ID").contains("TYPE").contains("AMOUNT");
              assertThat(lines.get(1)).startsWith("2 ").contains(" rental ").contains(" -0.10 ");
              assertThat(lines.get(2)).startsWith("1 ").contains(" topup ").contains(" +100.00 ");
            });
    var w = dev.market.protocol.json.Json.mapper().readTree(json.out());
    assertThat(w.get("balance_e9s").asLong()).isEqualTo(99_900_000_000L);
    assertThat(w.get("recent_ledger").get(0).get("reference").asText()).isEqualTo("contract:" + id);
  }

  @Test
  void a_rent_decent_cloud_cannot_pay_for_exits_3_naming_both_amounts_and_how_to_top_up() {
    DecentCloudFake poor = new DecentCloudFake();
    try {
      long id = poor.addOffering(PROVIDER, "vm-1", "Small VM", 7.2, true);
      poor.credit(ME.publicKeyHex(), 1L);

      Result r =
          cli.env("MARKET_API_URL", poor.url())
              .run("rent", String.valueOf(id), "--yes", "--hours", "10", "--memo", "first");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              "error: rent offering "
                  + id
                  + ": "
                  + DecentCloudFake.INSUFFICIENT_BALANCE
                  + "; this rent costs 0.10 USD and your wallet holds 0.000000001\n"
                  + "hint: top up your wallet (on Decent Cloud: the website's /dashboard/wallet"
                  + " page), then rent again\n");
    } finally {
      poor.close();
    }
  }

  private String sentPaymentMethod() throws Exception {
    mockwebserver3.RecordedRequest post =
        dc.requests().stream()
            .filter(
                q ->
                    q.getMethod().equals("POST") && q.getUrl().encodedPath().endsWith("/contracts"))
            .reduce((a, b) -> b)
            .orElseThrow();
    return dev.market.protocol.json.Json.mapper()
        .readTree(post.getBody().utf8())
        .get("payment_method")
        .asText();
  }

  @Test
  void the_test_payment_method_is_sent_only_when_asked_for() throws Exception {
    rent("default");
    assertThat(sentPaymentMethod()).isEqualTo("wallet");
    assertThat(dc.balance(ME.publicKeyHex())).isEqualTo(99_900_000_000L);
    dc.verifyEmail(ME.publicKeyHex()); // the first rent created Decent Cloud's account

    Result r =
        cli.run(
            "rent",
            String.valueOf(offering),
            "--yes",
            "--hours",
            "10",
            "--memo",
            "asked",
            "--payment-method",
            "test");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(sentPaymentMethod()).isEqualTo("test");
    assertThat(dc.balance(ME.publicKeyHex())).isEqualTo(99_900_000_000L); // Decent Cloud's loophole
  }

  @Test
  void offerings_create_sends_what_decent_cloud_requires() throws Exception {
    Path file = home.resolve("offering.json");
    Files.writeString(
        file,
        "{\"offering_id\": \"min-1\", \"offer_name\": \"Minimal\", \"product_type\": \"compute\","
            + " \"currency\": \"USD\", \"monthly_price\": 5}");
    DecentCloudFake own = new DecentCloudFake();
    try {
      Result r =
          cli.env("MARKET_API_URL", own.url())
              .run("offerings", "create", "--file", file.toString(), "-o", "ids");

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).isEqualTo("1\n");
      Result show = cli.run("offerings", "show", "1", "-o", "json");
      var o = dev.market.protocol.json.Json.mapper().readTree(show.out());
      assertThat(o.get("billing_unit").asText()).isEqualTo("month");
      assertThat(o.get("is_subscription").asBoolean()).isFalse();
      assertThat(o.get("offer_name").asText()).isEqualTo("Minimal");
    } finally {
      own.close();
    }
  }

  @Test
  void the_rent_dialog_shows_decent_clouds_price_next_to_the_wallet() {
    ScriptedTerminal t = ScriptedTerminal.interactive(100, "", "", "y");

    Result r = cli.run(t, "", "rent", String.valueOf(offering), "--hours", "10");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(t.unusedAnswers()).isZero();
    assertThat(t.transcript())
        .endsWith(
            """
            Price: 0.10 USD for 10 hours, paid by wallet
            Wallet: 100.00, 99.90 after this rent
            Rent it? [y/N] y
            """);
    assertThat(dc.balance(ME.publicKeyHex())).isEqualTo(99_900_000_000L);
  }

  @Test
  void the_rent_dialog_says_when_the_wallet_is_short_before_anything_is_sent() {
    DecentCloudFake poor = new DecentCloudFake();
    try {
      long id = poor.addOffering(PROVIDER, "vm-1", "Small VM", 7.2, true);
      ScriptedTerminal t = ScriptedTerminal.interactive(100, "", "", "n");

      Result r =
          cli.env("MARKET_API_URL", poor.url())
              .run(t, "", "rent", String.valueOf(id), "--hours", "10");

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(t.transcript())
          .endsWith(
              "Price: 0.10 USD for 10 hours, paid by wallet\n"
                  + "Wallet: 0.00: not enough; top up first (market wallet deposit AMOUNT, or on"
                  + " Decent Cloud the website's /dashboard/wallet page)\n"
                  + "Rent it? [y/N] n\n");
      assertThat(poor.contracts()).isEmpty();
    } finally {
      poor.close();
    }
  }
}
