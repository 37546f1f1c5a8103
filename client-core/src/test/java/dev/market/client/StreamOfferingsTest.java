package dev.market.client;

import static dev.market.client.TestSupport.T0;
import static dev.market.client.TestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.error.UnavailableException;
import dev.market.protocol.model.Offering;
import dev.market.server.support.MutableClock;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamOfferingsTest {
  private MockWebServer server;
  private MarketClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setServerSocketFactory(TestSupport.NO_DELAY);
    server.start();
    MutableClock clock = new MutableClock(T0);
    client = TestSupport.client(server, clock, new TestSupport.RecordingSleeper(clock)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** Serves offerings 0..total-1 by the request's limit and offset, like the real listing. */
  private void serveOfferings(int total) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getUrl();
            int limit = Integer.parseInt(url.queryParameter("limit"));
            int offset = Integer.parseInt(url.queryParameter("offset"));
            StringBuilder page = new StringBuilder("[");
            for (int i = offset; i < Math.min(total, offset + limit); i++) {
              page.append(i == offset ? "" : ",")
                  .append("{\"id\":")
                  .append(i)
                  .append(",\"offer_name\":\"o")
                  .append(i)
                  .append("\"}");
            }
            return ok(page.append(']').toString());
          }
        });
  }

  @Test
  void streams_a_thousand_pages_fetching_each_only_when_the_previous_is_used_up() {
    int total = 99_950; // 999 full pages of 100 and a short last one
    serveOfferings(total);

    long consumed = 0;
    try (Stream<Offering> stream = client.offerings().stream(OfferingQuery.builder().build())) {
      Iterator<Offering> it = stream.iterator();
      while (it.hasNext()) {
        Offering o = it.next();
        assertThat(o.id()).isEqualTo(consumed);
        consumed++;
        // at most the page holding this item has been fetched: never one ahead
        assertThat(server.getRequestCount()).isEqualTo((int) ((consumed - 1) / 100 + 1));
      }
    }

    assertThat(consumed).isEqualTo(total);
    // a short page may come from Decent Cloud's filter with more to follow: the empty one ends it
    assertThat(server.getRequestCount()).isEqualTo(1001);
  }

  @Test
  void taking_the_first_150_fetches_two_pages_only() {
    serveOfferings(10_000);

    List<Long> ids =
        client.offerings().stream(OfferingQuery.builder().build())
            .limit(150)
            .map(Offering::id)
            .collect(Collectors.toList());

    assertThat(ids).hasSize(150).startsWith(0L, 1L).endsWith(149L);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void the_query_offset_is_the_start_and_its_limit_the_page_size() throws Exception {
    serveOfferings(25);

    List<Long> ids =
        client.offerings().stream(OfferingQuery.builder().offset(5).limit(10).build())
            .map(Offering::id)
            .collect(Collectors.toList());

    assertThat(ids).hasSize(20).startsWith(5L).endsWith(24L);
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("limit=10&offset=5");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("limit=10&offset=15");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("limit=10&offset=25");
  }

  @Test
  void an_exactly_full_last_page_costs_one_empty_request_and_then_stops() {
    serveOfferings(200);

    assertThat(client.offerings().stream(OfferingQuery.builder().build()).count()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a_page_size_over_500_is_capped_at_the_servers_maximum_so_no_page_looks_short()
      throws Exception {
    serveOfferings(1_200);

    long n = client.offerings().stream(OfferingQuery.builder().limit(1000).build()).count();

    assertThat(n).isEqualTo(1_200);
    assertThat(server.getRequestCount()).isEqualTo(4); // 500, 500, 200 and the empty page
    assertThat(server.takeRequest().getUrl().queryParameter("limit")).isEqualTo("500");
  }

  @Test
  void a_failing_page_surfaces_as_a_market_exception_from_the_stream() {
    server.enqueue(ok("[{\"id\":1}]".replace("]", ",{\"id\":2}]")));
    try (MarketClient one =
        MarketClient.builder().baseUrl(server.url("/").toString()).maxAttempts(1).build()) {
      server.enqueue(TestSupport.json(503, "{\"success\":false,\"error\":\"down\"}"));

      Iterator<Offering> it =
          one.offerings().stream(OfferingQuery.builder().limit(2).build()).iterator();
      it.next();
      it.next();
      assertThatThrownBy(it::hasNext).isInstanceOf(UnavailableException.class);
    }
  }

  @Test
  void a_marketplace_that_ignores_the_offset_ends_the_walk_after_one_repeat() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return ok("[{\"id\":1},{\"id\":2}]");
          }
        });

    List<Long> ids =
        client.offerings().stream(OfferingQuery.builder().limit(2).build())
            .map(Offering::id)
            .collect(Collectors.toList());

    assertThat(ids).containsExactly(1L, 2L);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void list_offerings_sends_every_filter_with_exact_decimal_prices() throws Exception {
    server.enqueue(ok("[{\"id\":9,\"monthly_price\":12.50,\"unknown_field\":true}]"));

    List<Offering> page =
        client
            .offerings()
            .list(
                OfferingQuery.builder()
                    .limit(20)
                    .offset(40)
                    .productType("gpu")
                    .country("DE")
                    .inStockOnly(true)
                    .minPriceMonthly(new BigDecimal("1E+1"))
                    .maxPriceMonthly(new BigDecimal("99.990"))
                    .query("type:gpu cores:>=8")
                    .build());

    assertThat(page.get(0).monthlyPrice()).isEqualByComparingTo("12.5");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/offerings");
    assertThat(r.getUrl().query())
        .isEqualTo(
            "limit=20&offset=40&product_type=gpu&country=DE&in_stock_only=true"
                + "&min_price_monthly=10&max_price_monthly=99.990&q=type:gpu cores:>=8");
  }
}
