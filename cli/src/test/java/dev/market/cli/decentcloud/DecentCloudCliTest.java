package dev.market.cli.decentcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
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
                  + " for\nhint: top up your wallet (on Decent Cloud: the website's"
                  + " /dashboard/wallet page), then rent again\n");
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
                + "\nhint: open the verification link the marketplace e-mailed to your account's"
                + " address, then rent again\n");
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
}
