package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, finding 3: a short number with a huge exponent must be refused in milliseconds with a
 * small answer naming the field, never expanded (seconds of CPU, a gigabyte of error text).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumberCostTest {
  private TestServer server;
  private Market m;
  private final Identity provider = Ids.of("cost-provider");
  private final Identity renter = Ids.of("cost-renter");
  private long offering;

  @BeforeAll
  void start() {
    server = TestServer.start(TestDatabases.freshSqlite());
    m = new Market(server);
    offering = m.publish(provider, "cost-1", "10");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  Stream<String> hugeExponents() {
    return Stream.of(
        "1e-30000000", "1e30000000", "1e-500000000", "-1e-999999999", "9.99e999999999");
  }

  private String offeringBody(String field, String number) {
    return ("{\"offering_id\":\"x\",\"offer_name\":\"x\",\"product_type\":\"compute\","
            + "\"currency\":\"USD\",\"monthly_price\":1,\"%s\":%s}")
        .formatted(field, number);
  }

  @ParameterizedTest
  @MethodSource("hugeExponents")
  @Timeout(5)
  void a_price_with_a_huge_exponent_is_refused_at_once_naming_the_field(String number) {
    for (String field : new String[] {"monthly_price", "setup_fee"}) {
      long t0 = System.nanoTime();
      Raw.Reply r =
          m.raw.post(
              provider,
              "/api/v1/providers/" + provider.publicKeyHex() + "/offerings",
              offeringBody(field, number));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(r.status()).as(r.toString()).isEqualTo(422);
      assertThat(r.error()).startsWith(field + ": ");
      assertThat(r.text().length()).isLessThan(1_000);
      assertThat(ms).as("milliseconds for " + field + "=" + number).isLessThan(1_000);
    }
  }

  @ParameterizedTest
  @MethodSource("hugeExponents")
  @Timeout(5)
  void an_integer_field_with_a_huge_exponent_is_refused_naming_the_field(String number) {
    Raw.Reply r =
        m.raw.post(
            renter,
            "/api/v1/contracts",
            "{\"offering_db_id\":" + offering + ",\"duration_hours\":" + number + "}");
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.error()).startsWith("duration_hours: ");
    assertThat(r.text().length()).isLessThan(1_000);
  }

  @ParameterizedTest
  @MethodSource("hugeExponents")
  @Timeout(5)
  void a_price_query_with_a_huge_exponent_is_refused_with_a_small_answer(String number) {
    for (String param : new String[] {"min_price_monthly", "max_price_monthly"}) {
      Raw.Reply r = m.raw.get(null, "/api/v1/offerings?" + param + "=" + number);
      assertThat(r.status()).as(r.toString()).isEqualTo(422);
      assertThat(r.error()).startsWith(param + ": ");
      assertThat(r.text().length()).isLessThan(1_000);
    }
  }

  @ParameterizedTest
  @MethodSource("hugeExponents")
  @Timeout(5)
  void an_offering_id_path_is_never_echoed_at_length(String number) {
    Raw.Reply r = m.raw.get(null, "/api/v1/offerings/" + number + "x".repeat(4_000));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.text().length()).isLessThan(1_000);
  }
}
