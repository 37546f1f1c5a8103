package dev.market.client;

import static dev.market.client.TestSupport.CONTRACT_ID;
import static dev.market.client.TestSupport.T0;
import static dev.market.client.TestSupport.contractJson;
import static dev.market.client.TestSupport.json;
import static dev.market.client.TestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.AwaitResult.Outcome;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import dev.market.server.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AwaitStatusTest {
  private MockWebServer server;
  private MutableClock clock;
  private TestSupport.RecordingSleeper sleeper;
  private MarketClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    clock = new MutableClock(T0);
    sleeper = new TestSupport.RecordingSleeper(clock);
    client = TestSupport.client(server, clock, sleeper).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void returns_reached_once_the_target_state_is_seen() {
    server.enqueue(ok(contractJson("pending")));
    server.enqueue(ok(contractJson("pending")));
    server.enqueue(ok(contractJson("accepted")));
    List<String> seen = new ArrayList<>();

    AwaitResult r =
        client
            .rentals()
            .await(
                CONTRACT_ID,
                ContractStatus.ACCEPTED,
                Duration.ofMinutes(1),
                c -> seen.add(c.status()));

    assertThat(r.outcome()).isEqualTo(Outcome.REACHED);
    assertThat(r.contract().statusValue()).isEqualTo(ContractStatus.ACCEPTED);
    assertThat(seen).containsExactly("pending", "pending", "accepted");
    assertThat(sleeper.slept).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void a_later_state_on_the_normal_flow_counts_as_reached() {
    server.enqueue(ok(contractJson("active")));

    AwaitResult r =
        client.rentals().await(CONTRACT_ID, ContractStatus.ACCEPTED, Duration.ofMinutes(1));

    assertThat(r.outcome()).isEqualTo(Outcome.REACHED);
    assertThat(r.contract().status()).isEqualTo("active");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.slept).isEmpty();
  }

  @Test
  void a_terminal_state_that_cannot_reach_the_target_returns_unreachable_after_one_poll() {
    server.enqueue(ok(contractJson("rejected")));

    AwaitResult r =
        client.rentals().await(CONTRACT_ID, ContractStatus.ACTIVE, Duration.ofMinutes(10));

    assertThat(r.outcome()).isEqualTo(Outcome.UNREACHABLE);
    assertThat(r.contract().status()).isEqualTo("rejected");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.slept).isEmpty();
  }

  @Test
  void waiting_for_cancelled_when_cancelled_is_reached_not_unreachable() {
    server.enqueue(ok(contractJson("canceled")));

    AwaitResult r =
        client.rentals().await(CONTRACT_ID, ContractStatus.CANCELLED, Duration.ofMinutes(1));

    assertThat(r.outcome()).isEqualTo(Outcome.REACHED);
  }

  @Test
  void times_out_at_the_deadline_with_backoff_that_never_sleeps_past_it() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return ok(contractJson("pending"));
          }
        });

    AwaitResult r =
        client.rentals().await(CONTRACT_ID, ContractStatus.ACTIVE, Duration.ofSeconds(3));

    assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(r.contract().status()).isEqualTo("pending");
    // 500 ms, 1 s, then only the 1.5 s left before the deadline; a last poll at the deadline
    assertThat(sleeper.slept)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(1500));
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void backoff_is_capped_at_five_seconds() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return ok(contractJson("provisioning"));
          }
        });

    client.rentals().await(CONTRACT_ID, ContractStatus.ACTIVE, Duration.ofSeconds(30));

    assertThat(sleeper.slept)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    assertThat(sleeper.slept.subList(0, 5))
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));
  }

  @Test
  void poll_backoff_is_configurable() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return ok(contractJson("pending"));
          }
        });
    try (MarketClient quick =
        TestSupport.client(server, clock, sleeper)
            .pollBackoff(Duration.ofMillis(100), Duration.ofMillis(300))
            .build()) {

      quick.rentals().await(CONTRACT_ID, ContractStatus.ACTIVE, Duration.ofSeconds(1));

      assertThat(sleeper.slept)
          .containsExactly(
              Duration.ofMillis(100),
              Duration.ofMillis(200),
              Duration.ofMillis(300),
              Duration.ofMillis(300),
              Duration.ofMillis(100));
    }
  }

  @Test
  void a_transient_failure_while_polling_keeps_polling() {
    try (MarketClient oneShot = TestSupport.client(server, clock, sleeper).maxAttempts(1).build()) {
      server.enqueue(json(503, "{\"success\":false,\"error\":\"busy\",\"code\":\"unavailable\"}"));
      server.enqueue(ok(contractJson("accepted")));

      AwaitResult r =
          oneShot.rentals().await(CONTRACT_ID, ContractStatus.ACCEPTED, Duration.ofMinutes(1));

      assertThat(r.outcome()).isEqualTo(Outcome.REACHED);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void when_no_poll_ever_succeeds_the_last_failure_is_thrown_at_the_deadline() {
    try (MarketClient oneShot = TestSupport.client(server, clock, sleeper).maxAttempts(1).build()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return json(503, "{\"success\":false,\"error\":\"busy\",\"code\":\"unavailable\"}");
            }
          });

      assertThatThrownBy(
              () ->
                  oneShot
                      .rentals()
                      .await(CONTRACT_ID, ContractStatus.ACCEPTED, Duration.ofSeconds(2)))
          .isInstanceOf(UnavailableException.class)
          .hasMessage("get contract 3f1c2a9b…: busy");
      assertThat(clock.instant()).isEqualTo(T0.plusSeconds(2));
    }
  }

  @Test
  void a_refusal_while_polling_propagates_at_once() {
    server.enqueue(
        json(404, "{\"success\":false,\"error\":\"contract not found\",\"code\":\"not_found\"}"));

    assertThatThrownBy(
            () -> client.rentals().await(CONTRACT_ID, ContractStatus.ACTIVE, Duration.ofMinutes(1)))
        .isInstanceOf(NotFoundException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an_unknown_status_keeps_polling_rather_than_failing() {
    server.enqueue(ok(contractJson("paused")));
    server.enqueue(ok(contractJson("active")));
    List<Contract> seen = new ArrayList<>();

    AwaitResult r =
        client
            .rentals()
            .await(CONTRACT_ID, ContractStatus.ACTIVE, Duration.ofMinutes(1), seen::add);

    assertThat(r.outcome()).isEqualTo(Outcome.REACHED);
    assertThat(seen.get(0).statusValue()).isEqualTo(ContractStatus.UNKNOWN);
    assertThat(seen.get(0).status()).isEqualTo("paused");
  }
}
