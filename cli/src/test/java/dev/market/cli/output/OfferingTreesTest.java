package dev.market.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code offerings list -o json} prints a page from the JSON trees the marketplace sent
 * (OfferingService.listTrees) instead of binding and re-writing {@code Offering} records; {@code
 * --all -o json} still binds them. Both must print the same document and fail the same way for
 * whatever a marketplace sends, including what our server never sends (numbers as strings,
 * out-of-range ints, unknown fields, nulls, exponents, trailing zeros), so a fake answers it.
 */
@org.junit.jupiter.api.Timeout(60)
class OfferingTreesTest {
  private static final String FULL =
      "{\"id\":7,\"pubkey\":\"ab\",\"offering_id\":\"vps-1\",\"offer_name\":\"Small VPS\","
          + "\"description\":\"d\",\"product_type\":\"compute\",\"currency\":\"USD\","
          + "\"monthly_price\":12.50,\"setup_fee\":0,\"visibility\":\"public\","
          + "\"stock_status\":\"in_stock\",\"processor_brand\":\"AMD\",\"processor_cores\":4,"
          + "\"processor_name\":\"EPYC\",\"memory_amount\":\"8 GB\",\"total_ssd_capacity\":\"80 GB\","
          + "\"total_hdd_capacity\":\"0\",\"uplink_speed\":\"1 Gbit/s\",\"unmetered_bandwidth\":true,"
          + "\"datacenter_country\":\"DE\",\"datacenter_city\":\"Berlin\",\"gpu_name\":\"none\","
          + "\"gpu_count\":0,\"gpu_memory_gb\":0,\"min_contract_hours\":1,"
          + "\"max_contract_hours\":8760,\"operating_systems\":\"Debian 12\","
          + "\"billing_interval\":\"monthly\",\"billing_unit\":\"month\",\"is_subscription\":false,"
          + "\"is_draft\":false,\"provider_rating\":4.66,\"provider_rating_count\":12}";

  @org.junit.jupiter.api.io.TempDir Path dir;
  private final AtomicReference<String> data = new AtomicReference<>();
  private MockWebServer server;
  private CliRunner cli;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String offset = r.getUrl().queryParameter("offset");
            boolean first = offset == null || offset.equals("0");
            return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"success\":true,\"data\":" + (first ? data.get() : "[]") + "}")
                .build();
          }
        });
    server.start();
    cli = new CliRunner(dir).env("MARKET_API_URL", server.url("/").toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[" + FULL + "]",
        "[]",
        // our server's shape, fields reordered, unknown fields, nulls
        "[{\"offer_name\":\"B\",\"id\":2,\"extra\":{\"x\":[1]},\"currency\":null,\"monthly_price\":5}]",
        // decimals as a marketplace may write them
        "[{\"id\":1,\"monthly_price\":1e3,\"setup_fee\":2.50,\"provider_rating\":-0.0}]",
        "[{\"id\":1,\"monthly_price\":0.000,\"setup_fee\":100}]",
        // types Jackson coerces when binding: the tree path must hand these to the binder
        "[{\"id\":\"36\",\"offer_name\":\"A\"}]",
        "[{\"id\":1,\"offer_name\":5,\"is_draft\":\"true\"}]",
        "[{\"id\":1,\"processor_cores\":4.0}]",
        "[{\"id\":1,\"monthly_price\":\"9.99\"}]",
        // what binding refuses: the same error either way
        "[{\"id\":1,\"processor_cores\":3000000000}]",
        "[{\"id\":1,\"offer_name\":{\"en\":\"A\"}}]",
        "{\"id\":1}",
        "[1,2]",
        "[" + FULL + ",{\"id\":8,\"gpu_count\":\"many\"}]"
      })
  void a_page_prints_what_binding_the_records_prints(String wire) {
    data.set(wire);

    Result trees = cli.run("offerings", "list", "-o", "json");
    Result bound = cli.run("offerings", "list", "--all", "-o", "json");

    assertThat(trees.exitCode()).as(trees.toString()).isEqualTo(bound.exitCode());
    assertThat(trees.out()).isEqualTo(bound.out());
    assertThat(trees.err()).isEqualTo(bound.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-o json", "--jq .[0].monthly_price"})
  void a_conforming_page_prints_every_field_as_sent(String args) {
    data.set("[" + FULL + "]");

    Result r = cli.run(("offerings list " + args).split(" "));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    if (args.startsWith("--jq")) {
      assertThat(r.out()).isEqualTo("12.5\n"); // the client reads money with trailing zeros cut
    } else {
      assertThat(r.out())
          .startsWith("[ {\n  \"id\" : 7,\n  \"pubkey\" : \"ab\",")
          .contains("\"monthly_price\" : 12.5,\n  \"setup_fee\" : 0,")
          .endsWith("\"provider_rating\" : 4.66,\n  \"provider_rating_count\" : 12\n} ]\n");
    }
  }
}
