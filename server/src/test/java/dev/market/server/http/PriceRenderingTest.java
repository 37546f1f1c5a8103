package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Offering prices on the wire are the exact stored decimal, trailing zeros stripped, never in
 * exponent form, however the provider wrote them: {@code 2390}, not {@code 2390.0} or {@code
 * 2.39E+3}.
 */
class PriceRenderingTest {
  private static TestServer server;
  private static Raw raw;
  private static final Identity PROVIDER = Ids.of("price-provider");

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabases.freshSqlite());
    raw = new Raw(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2390.0      | 0.50        | \"monthly_price\":2390,\"setup_fee\":0.5,",
        "549         | 0           | \"monthly_price\":549,\"setup_fee\":0,",
        "9.990000000 | 10.00       | \"monthly_price\":9.99,\"setup_fee\":10,",
        "2.39E+3     | 1e2         | \"monthly_price\":2390,\"setup_fee\":100,",
        "0.000000001 | 1000000.000 | \"monthly_price\":0.000000001,\"setup_fee\":1000000,",
      })
  void offering_prices_render_as_plain_exact_decimals(String price, String fee, String expected) {
    String offeringId = "p-" + price.replace('.', '_').replace('+', '_');
    String body =
        ("{\"offering_id\":\"%s\",\"offer_name\":\"Box\",\"product_type\":\"compute\","
                + "\"currency\":\"USD\",\"monthly_price\":%s,\"setup_fee\":%s}")
            .formatted(offeringId, price, fee);
    Raw.Reply created =
        raw.post(PROVIDER, "/api/v1/providers/" + PROVIDER.publicKeyHex() + "/offerings", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    long id = created.data().asLong();

    String wire =
        "\"offering_id\":\"%s\",\"offer_name\":\"Box\",\"product_type\":\"compute\",\"currency\":\"USD\",%s"
            .formatted(offeringId, expected);
    assertThat(raw.get(null, "/api/v1/offerings/" + id).text()).contains(wire);
    assertThat(raw.get(null, "/api/v1/offerings").text()).contains(wire);
    assertThat(raw.get(null, "/api/v1/providers/" + PROVIDER.publicKeyHex() + "/offerings").text())
        .contains(wire);
  }
}
