package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures that repeating cannot cure are reported once, in words that say what to change: a host
 * name that does not resolve, and https against a plain-http marketplace.
 */
class ConnectionErrorsTest {
  @TempDir Path dir;

  private CliRunner cli() {
    // the retries a real run makes, so "after 3 attempts" would show
    return new CliRunner(dir)
        .clientCustomizer(
            b ->
                b.maxAttempts(3)
                    .connectTimeout(Duration.ofSeconds(2))
                    .readTimeout(Duration.ofSeconds(5)));
  }

  @Test
  void a_host_that_does_not_resolve_is_not_retried_and_says_dns() {
    Result r = cli().run("offerings", "list", "--api-url", "http://no-such-host.invalid");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: list offerings: cannot find the marketplace's host 'no-such-host.invalid':"
                + " the name does not resolve (DNS)\n"
                + "hint: check the host name in http://no-such-host.invalid (set by --api-url,"
                + " MARKET_API_URL or config api-url)\n");
  }

  @Test
  void https_against_a_plain_http_marketplace_says_so_once() {
    try (MarketFixture market = new MarketFixture(dir.resolve("server"))) {
      String https = market.url.replaceFirst("^http:", "https:");

      Result r = cli().run("offerings", "list", "--api-url", https);

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              "error: list offerings: no secure connection to "
                  + https
                  + "/api/v1: the server does not speak TLS (is it plain http?)\n"
                  + "hint: if the marketplace speaks plain http: --api-url "
                  + market.url
                  + "\n");
    }
  }

  @Test
  void with_the_marketplace_down_a_prefix_lookup_names_the_command_not_a_listing() {
    MarketFixture market = new MarketFixture(dir.resolve("server"));
    CliRunner renter = market.cli("renter");
    market.close();

    Result r = renter.run("status", "abcdef12");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.err())
        .startsWith(
            "error: status 'abcdef12' (looking the prefix up among your rentals or contracts as provider): cannot reach"
                + " the marketplace at "
                + market.url
                + "/api/v1 (");
  }

  @Test
  void an_api_url_with_a_wrong_path_says_to_check_it() {
    try (MarketFixture market = new MarketFixture(dir.resolve("server"))) {
      CliRunner renter = market.cli("renter");

      Result r = renter.run("rentals", "--api-url", market.url + "/market");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.err())
          .isEqualTo(
              "error: list my rentals: no such endpoint: GET /market/api/v1/users/"
                  + market.renter.publicKeyHex()
                  + "/contracts\n"
                  + "hint: the marketplace API is not at "
                  + market.url
                  + "/market: check --api-url (MARKET_API_URL, config api-url); it is the"
                  + " server's root, e.g. http://localhost:8787\n");
    }
  }
}
