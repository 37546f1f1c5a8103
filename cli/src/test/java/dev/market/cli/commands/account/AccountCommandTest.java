package dev.market.cli.commands.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.protocol.json.Json;
import dev.market.server.domain.EpochNanos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code market account register|show} and the verified-email rule, against the real server. */
class AccountCommandTest {
  @TempDir Path dir;
  MarketFixture f;

  @AfterEach
  void stop() {
    f.close();
  }

  private String created() {
    return dev.market.cli.output.Formats.nanos(EpochNanos.now(f.clock));
  }

  @Test
  void register_then_show_prints_the_username_the_address_and_that_it_is_unverified()
      throws Exception {
    f = new MarketFixture(dir);
    CliRunner renter = f.cli("renter");
    String key = f.renter.publicKeyHex();
    String details =
        "username:    alice\n"
            + "email:       alice@example.org\n"
            + "verified:    no (open the link the marketplace e-mailed to this address)\n"
            + "public key:  "
            + key
            + "\n"
            + "created:     "
            + created()
            + "\n";

    Result reg =
        renter.run("account", "register", "--username", "alice", "--email", "alice@example.org");

    assertThat(reg.exitCode()).as(reg.toString()).isZero();
    assertThat(reg.out()).isEqualTo(details);
    assertThat(reg.err())
        .isEqualTo("next: open the link the marketplace e-mailed to alice@example.org\n");
    Result show = renter.run("account", "show");
    assertThat(show.exitCode()).as(show.toString()).isZero();
    assertThat(show.out()).isEqualTo(details);
    assertThat(show.err()).isEmpty();
    JsonNode json = Json.mapper().readTree(renter.run("account", "show", "-o", "json").out());
    assertThat(json.get("username").asText()).isEqualTo("alice");
    assertThat(json.get("email").asText()).isEqualTo("alice@example.org");
    assertThat(json.get("email_verified").asBoolean()).isFalse();
    assertThat(json.get("public_keys").get(0).get("public_key").asText()).isEqualTo(key);
    assertThat(json.get("created_at_ns").asLong()).isEqualTo(EpochNanos.now(f.clock));
    assertThat(renter.run("account", "show", "-o", "ids").out()).isEqualTo("alice\n");
  }

  @Test
  void show_without_an_account_exits_3_and_says_how_to_register() {
    f = new MarketFixture(dir);

    Result r = f.cli("stranger").run("account", "show");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            """
            error: account show: your key has no account on this marketplace
            hint: market account register --username NAME --email ADDRESS
            """);
  }

  @Test
  void a_taken_username_and_a_bad_one_exit_3_naming_the_problem_and_register_nothing() {
    f = new MarketFixture(dir);
    assertThat(
            f.cli("renter")
                .run("account", "register", "--username", "alice", "--email", "a@example.org")
                .exitCode())
        .isZero();
    CliRunner stranger = f.cli("stranger");

    Result taken =
        stranger.run("account", "register", "--username", "ALICE", "--email", "s@example.org");
    Result bad = stranger.run("account", "register", "--username", "a", "--email", "s@example.org");

    assertThat(taken.exitCode()).isEqualTo(3);
    assertThat(taken.err())
        .isEqualTo("error: register account ALICE: username 'ALICE' is already taken\n");
    assertThat(bad.exitCode()).isEqualTo(3);
    assertThat(bad.err())
        .isEqualTo("error: register account a: username: must be at least 3 characters\n");
    assertThat(stranger.run("account", "show").exitCode()).isEqualTo(3);
  }

  @Test
  void register_needs_both_flags() {
    f = new MarketFixture(dir);

    Result r = f.cli("renter").run("account", "register", "--username", "alice");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("--email");
    assertThat(f.cli("renter").run("account", "show").exitCode()).isEqualTo(3);
  }

  @Test
  void on_a_server_requiring_a_verified_email_rent_exits_3_until_the_address_is_verified()
      throws Exception {
    f = new MarketFixture(dir, b -> b.requireVerifiedEmail(true));
    long offering = f.offering("v-1", "Verified box", "7.2");
    Path key = dir.resolve("id.pub");
    Files.writeString(key, MarketFixture.sshKey(f.renter) + "\n");
    CliRunner renter = f.cli("renter");
    String[] rent = {
      "rent",
      String.valueOf(offering),
      "--ssh-key",
      key.toString(),
      "--hours",
      "10",
      "--yes",
      "-o",
      "ids"
    };
    String hint =
        "hint: market account show   (open the verification link the marketplace e-mailed to its"
            + " address, then rent again; no account yet: market account register --username NAME"
            + " --email ADDRESS)\n";

    Result noAccount = renter.run(rent);
    renter.run("account", "register", "--username", "renter1", "--email", "r@example.org");
    Result unverified = renter.run(rent);

    assertThat(noAccount.exitCode()).isEqualTo(3);
    assertThat(noAccount.err())
        .isEqualTo(
            "error: rent offering "
                + offering
                + ": Email verification required. Register an account with an email address"
                + " (POST /accounts) and verify it before creating rentals.\n"
                + hint);
    assertThat(unverified.exitCode()).isEqualTo(3);
    assertThat(unverified.err())
        .isEqualTo(
            "error: rent offering "
                + offering
                + ": Email verification required. Please verify your email address before"
                + " creating rentals. Check your inbox for the verification link.\n"
                + hint);
    assertThat(f.client(f.renter).rentals().list()).isEmpty();

    f.server().accounts().markVerified("renter1");

    Result ok = renter.run(rent);
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(f.client(f.renter).rentals().list())
        .singleElement()
        .satisfies(c -> assertThat(c.contractId()).isEqualTo(ok.out().strip()));
  }
}
