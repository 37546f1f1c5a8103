package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.protocol.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code market whoami} asks the marketplace, with a signed request, who the identity is. */
class WhoamiTest {
  @TempDir Path dir;
  MarketFixture market;

  @BeforeEach
  void setUp() {
    market = new MarketFixture(dir);
  }

  @AfterEach
  void tearDown() {
    market.close();
  }

  @Test
  void whoami_reports_the_key_the_counts_and_what_it_can_do() throws Exception {
    long offering = market.offering("w-1", "Whoami VPS", "7.20");
    market.rent(offering, 2, "email:a@example.com", null);

    Result renter = market.cli("renter").run("whoami", "-o", "json");
    Result provider = market.cli("provider").run("whoami", "-o", "json");

    assertThat(renter.exitCode()).as(renter.toString()).isZero();
    JsonNode r = Json.mapper().readTree(renter.out());
    assertThat(r.get("identity").asText()).isEqualTo("renter");
    assertThat(r.get("public_key").asText()).isEqualTo(market.renter.publicKeyHex());
    assertThat(r.get("signature_accepted").asBoolean()).isTrue();
    assertThat(r.get("rentals").asInt()).isEqualTo(1);
    assertThat(r.get("offerings").asInt()).isZero();
    assertThat(r.get("wallet_balance_e9s").asLong())
        .isEqualTo(MarketFixture.FUNDS_E9S - 20_000_000L);
    assertThat(r.get("can").get(1).asText())
        .isEqualTo("offer compute: market offerings create --file FILE");
    JsonNode p = Json.mapper().readTree(provider.out());
    assertThat(p.get("offerings").asInt()).isEqualTo(1);
    assertThat(p.get("provider_contracts").asInt()).isEqualTo(1);
    assertThat(p.get("can").get(1).asText())
        .isEqualTo("provide: 1 request(s) waiting (market requests)");
  }

  @Test
  void an_identity_that_does_not_exist_exits_4() {
    Result r = market.cli("nobody").run("whoami");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: ");
  }
}
