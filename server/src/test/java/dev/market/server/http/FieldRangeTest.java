package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, finding 5: every field is checked against its stated type and range; what no rental
 * could satisfy, or what would be stored altered (1.5 hours kept as 1, -1.5 GPUs as -1, "720" as
 * 720), is refused with 422 naming the field, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldRangeTest {
  private TestServer server;
  private Market m;
  private final Identity provider = Ids.of("range-provider");
  private final Identity renter = Ids.of("range-renter");
  private long offering;

  @BeforeAll
  void start() {
    server = TestServer.start(TestDatabases.freshSqlite());
    m = new Market(server);
    offering = m.publish(provider, "range-1", "10");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_contract_hours|0",
        "max_contract_hours|-5",
        "max_contract_hours|1e9",
        "min_contract_hours|0",
        "gpu_count|-1.5",
        "gpu_count|-1",
        "gpu_count|2.5",
        "gpu_count|\"2\"",
        "gpu_memory_gb|-8",
        "processor_cores|0",
        "datacenter_country|\"1\"",
        "datacenter_country|\"DEU\"",
        "datacenter_country|49",
        "currency|\"US D\"",
        "offer_name|\"a\\ud800b\"",
        "offer_name|7",
        "is_draft|\"true\"",
        "unmetered_bandwidth|1",
        "monthly_price|\"10\""
      })
  void an_offering_field_out_of_its_range_or_type_is_refused_naming_it(String field, String json) {
    String body =
        ("{\"offering_id\":\"bad\",\"offer_name\":\"x\",\"product_type\":\"compute\","
                + "\"currency\":\"USD\",\"monthly_price\":1,\"%s\":%s}")
            .formatted(field, json)
            // a field given twice: the last one counts
            .replace(
                "\"offer_name\":\"x\",", field.equals("offer_name") ? "" : "\"offer_name\":\"x\",")
            .replace(
                "\"currency\":\"USD\",", field.equals("currency") ? "" : "\"currency\":\"USD\",")
            .replace(
                "\"monthly_price\":1,",
                field.equals("monthly_price") ? "" : "\"monthly_price\":1,");
    Raw.Reply r =
        m.raw.post(provider, "/api/v1/providers/" + provider.publicKeyHex() + "/offerings", body);
    assertThat(r.status()).as(body + " -> " + r).isEqualTo(422);
    assertThat(r.error()).startsWith(field + ": ");
    Raw.Reply mine = m.raw.get(null, "/api/v1/providers/" + provider.publicKeyHex() + "/offerings");
    assertThat(mine.data().size()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "duration_hours|\"720\"",
        "duration_hours|1.5",
        "duration_hours|0",
        "duration_hours|true",
        "offering_db_id|\"1\"",
        "offering_db_id|1.5",
        "payment_method|1",
        "request_memo|\"a\\u202eb\"",
        "request_memo|\"a\\u0007b\"",
        "operating_system|\"a\\udc00\""
      })
  void a_rental_field_out_of_its_range_or_type_is_refused_naming_it(String field, String json) {
    String body =
        Market.rentBody(offering)
            .replaceFirst(
                "\\{",
                java.util.regex.Matcher.quoteReplacement("{\"" + field + "\":" + json + ","));
    // the given value must be the only one: drop the default's copy of the field
    body = body.replaceAll(",\"" + field + "\":(\"[^\"]*\"|[0-9]+)", "");
    Raw.Reply r = m.raw.post(renter, "/api/v1/contracts", body);
    assertThat(r.status()).as(body + " -> " + r).isEqualTo(422);
    assertThat(r.error()).startsWith(field + ": ");
    Raw.Reply mine = m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/contracts");
    assertThat(mine.data().size()).isZero();
  }
}
