package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named profiles: an API URL and an identity, chosen by --profile, MARKET_PROFILE or config. */
class ProfileTest {
  @TempDir Path dir;
  MarketFixture market;
  CliRunner cli;
  String mine;

  @BeforeEach
  void setUp() {
    market = new MarketFixture(dir);
    long offering = market.offering("p-1", "Profile VPS", "5");
    mine = market.rent(offering, 2, "email:a@example.com", null);
    // no MARKET_API_URL or MARKET_IDENTITY: only profiles say where and who
    cli = new CliRunner(dir).clock(market.clock);
    Result add =
        cli.run(
            "config", "profile", "add", "local", "--api-url", market.url, "--identity", "renter");
    assertThat(add.exitCode()).as(add.toString()).isZero();
    assertThat(
            cli.run("config", "profile", "add", "elsewhere", "--api-url", "http://127.0.0.1:9")
                .exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() {
    market.close();
  }

  @Test
  void profile_flag_picks_the_url_and_the_identity() {
    Result r = cli.run("--profile", "local", "rentals", "-o", "ids");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(mine + "\n");
  }

  @Test
  void market_profile_and_config_profile_choose_it_too_and_flags_still_win() {
    Result env = cli.env("MARKET_PROFILE", "local").run("rentals", "-o", "ids");
    assertThat(env.out()).isEqualTo(mine + "\n");
    cli.env("MARKET_PROFILE", null);

    assertThat(cli.run("config", "profile", "use", "local").exitCode()).isZero();
    assertThat(cli.run("rentals", "-o", "ids").out()).isEqualTo(mine + "\n");

    // --api-url beats the profile: port 9 answers nothing
    Result overridden = cli.run("rentals", "-o", "ids", "--api-url", "http://127.0.0.1:9");
    assertThat(overridden.exitCode()).isEqualTo(5);
  }

  @Test
  void list_shows_every_profile_and_which_is_active() throws Exception {
    Result r = cli.run("--profile", "elsewhere", "config", "profile", "list", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().replaceAll("\\s", ""))
        .isEqualTo(
            "[{\"name\":\"elsewhere\",\"api_url\":\"http://127.0.0.1:9\",\"active\":true},"
                + "{\"name\":\"local\",\"api_url\":\""
                + market.url
                + "\",\"identity\":\"renter\",\"active\":false}]");
  }

  @Test
  void an_unknown_profile_is_a_usage_error_naming_the_known_ones() {
    Result r = cli.run("--profile", "nope", "rentals");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: --profile: no profile 'nope' (known: elsewhere, local)
            hint: market config profile add nope --api-url URL
            """);
  }

  @Test
  void removing_the_active_profile_leaves_none_active() {
    cli.run("config", "profile", "use", "local");

    Result rm = cli.run("config", "profile", "remove", "local");

    assertThat(rm.exitCode()).as(rm.toString()).isZero();
    assertThat(cli.run("config", "profile", "list", "-o", "ids").out()).isEqualTo("elsewhere\n");
    assertThat(cli.run("config", "get", "profile").out()).isEmpty();
  }
}
