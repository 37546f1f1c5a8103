package dev.market.client;

import static dev.market.client.TestSupport.CONTRACT_ID;
import static dev.market.client.TestSupport.T0;
import static dev.market.client.TestSupport.contractJson;
import static dev.market.client.TestSupport.json;
import static dev.market.client.TestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.error.ConflictException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.RateLimitedException;
import dev.market.client.error.UnauthorizedException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.support.MutableClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults a real server cannot produce on demand, served by MockWebServer. */
class FaultToleranceTest {
  private static final RentalRequest RENTAL =
      new RentalRequest(42L, "ssh-ed25519 AAAA test", "test", 24L, null, null, null, null);
  private static final String CREATED =
      "{\"contractId\":\"" + CONTRACT_ID + "\",\"message\":\"Rental request created\"}";

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
    // long enough that a loaded CI machine answers every prompt response in time (300 ms did not),
    // short enough that a stalled() answer, four times longer, times out quickly
    client =
        TestSupport.client(server, clock, sleeper).readTimeout(Duration.ofMillis(1500)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static MockResponse stalled() {
    return new MockResponse.Builder()
        .code(200)
        .headersDelay(6, TimeUnit.SECONDS)
        .body("{\"success\":true,\"data\":null}")
        .build();
  }

  private static MockResponse reset() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  // ---- retries ----

  @Test
  void read_timeout_on_get_is_retried_with_a_new_nonce() throws Exception {
    server.enqueue(stalled());
    server.enqueue(ok(contractJson("pending")));

    assertThat(client.rentals().get(CONTRACT_ID).status()).isEqualTo("pending");

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(first.getHeaders().get("X-Nonce")).isNotEqualTo(second.getHeaders().get("X-Nonce"));
    // jitter fixed at 0.5 of the 200 ms base
    assertThat(sleeper.slept).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void rent_after_a_timeout_is_retried_with_the_same_idempotency_key_and_a_new_nonce()
      throws Exception {
    server.enqueue(stalled());
    // our server's /health says a repeated key gets the first answer
    server.enqueue(json(200, "{\"success\":true,\"message\":\"ok\",\"idempotencyKeys\":true}"));
    server.enqueue(ok(CREATED));

    RentalCreated created = client.rentals().create(RENTAL);

    assertThat(created.contractId()).isEqualTo(CONTRACT_ID);
    RecordedRequest first = server.takeRequest();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/health");
    RecordedRequest second = server.takeRequest();
    String key = first.getHeaders().get("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(key);
    assertThat(first.getHeaders().get("X-Nonce")).isNotEqualTo(second.getHeaders().get("X-Nonce"));
    assertThat(second.getBody()).isEqualTo(first.getBody());
  }

  @Test
  void two_rent_calls_get_different_idempotency_keys_and_a_chosen_key_is_sent_as_is()
      throws Exception {
    server.enqueue(ok(CREATED));
    server.enqueue(ok(CREATED));
    server.enqueue(ok(CREATED));

    client.rentals().create(RENTAL);
    client.rentals().create(RENTAL);
    client.rentals().create(RENTAL, RequestOptions.builder().idempotencyKey("my-key-1").build());

    String a = server.takeRequest().getHeaders().get("Idempotency-Key");
    String b = server.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(a).isNotEqualTo(b);
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("my-key-1");
  }

  @Test
  void connection_reset_on_get_is_retried() {
    server.enqueue(reset());
    server.enqueue(ok(contractJson("accepted")));

    assertThat(client.rentals().get(CONTRACT_ID).status()).isEqualTo("accepted");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void connection_reset_every_time_ends_unavailable_with_status_0_after_3_attempts() {
    server.enqueue(reset());
    server.enqueue(reset());
    server.enqueue(reset());

    assertThatThrownBy(() -> client.rentals().get(CONTRACT_ID))
        .isInstanceOfSatisfying(
            UnavailableException.class,
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.getMessage())
                  .startsWith("get contract 3f1c2a9b…: the connection to ")
                  .endsWith("(after 3 attempts)");
            });
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void status_503_with_retry_after_seconds_waits_as_asked() {
    server.enqueue(
        new MockResponse.Builder().code(503).setHeader("Retry-After", "2").body("busy").build());
    server.enqueue(ok(contractJson("pending")));

    client.rentals().get(CONTRACT_ID);

    assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retry_after_longer_than_the_cap_is_capped_at_max_retry_delay() {
    server.enqueue(
        new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").body("").build());
    server.enqueue(ok(contractJson("pending")));

    client.rentals().get(CONTRACT_ID);

    assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void retry_after_as_an_http_date_is_measured_from_the_client_clock() {
    String inThreeSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            T0.plusSeconds(3).atOffset(ZoneOffset.UTC).withNano(0));
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .setHeader("Retry-After", inThreeSeconds)
            .body("")
            .build());
    server.enqueue(ok(contractJson("pending")));

    client.rentals().get(CONTRACT_ID);

    // T0 has 0.123456789 s past the second; the date has whole seconds
    assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(3).minusNanos(123_456_789));
  }

  @Test
  void backoff_without_retry_after_doubles_from_the_base_delay() {
    server.enqueue(json(502, "{}"));
    server.enqueue(new MockResponse.Builder().code(504).body("gateway timeout").build());
    server.enqueue(ok(contractJson("pending")));

    client.rentals().get(CONTRACT_ID);

    assertThat(sleeper.slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void status_429_is_retried_and_ends_rate_limited_with_retry_after_when_exhausted() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .setHeader("Retry-After", "1")
              .setHeader("Content-Type", "application/json")
              .body(
                  "{\"success\":false,\"error\":\"too many requests, slow down\",\"code\":\"rate_limited\"}")
              .build());
    }

    assertThatThrownBy(() -> client.rentals().list())
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.code()).isEqualTo("rate_limited");
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
              assertThat(e.getMessage())
                  .isEqualTo("list my rentals: too many requests, slow down (after 3 attempts)");
            });
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void respond_is_not_retried_on_503() {
    server.enqueue(
        json(
            503,
            "{\"success\":false,\"error\":\"database unavailable\",\"code\":\"unavailable\"}"));

    assertThatThrownBy(() -> client.provider().accept(CONTRACT_ID, null))
        .isInstanceOfSatisfying(
            UnavailableException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.getMessage())
                  .isEqualTo("accept contract 3f1c2a9b…: database unavailable");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.slept).isEmpty();
  }

  @Test
  void respond_is_not_retried_after_a_read_timeout_because_it_may_have_been_applied() {
    server.enqueue(stalled());
    server.enqueue(ok("\"accepted\""));

    assertThatThrownBy(() -> client.provider().reject(CONTRACT_ID, "no"))
        .isInstanceOfSatisfying(
            UnavailableException.class,
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.getMessage()).startsWith("reject contract 3f1c2a9b…: no answer from");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void post_is_retried_when_the_connection_cannot_even_be_opened() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String deadUrl = closed.url("/").toString();
    closed.close();
    try (MarketClient dead =
        MarketClient.builder()
            .baseUrl(deadUrl)
            .identity(TestSupport.RENTER)
            .clock(clock)
            .sleeper(sleeper)
            .jitter(() -> 0.5)
            .build()) {

      assertThatThrownBy(() -> dead.provider().accept(CONTRACT_ID, null))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> {
                assertThat(e.status()).isZero();
                assertThat(e.getMessage())
                    .startsWith("accept contract 3f1c2a9b…: cannot reach the marketplace at ")
                    .endsWith("(after 3 attempts)");
              });
      assertThat(sleeper.slept).hasSize(2);
    }
  }

  @Test
  void cancel_conflict_after_a_timed_out_attempt_says_the_first_may_have_succeeded() {
    server.enqueue(stalled());
    server.enqueue(
        json(
            409,
            "{\"success\":false,\"error\":\"invalid transition from cancelled\",\"code\":\"invalid_transition\"}"));

    assertThatThrownBy(() -> client.rentals().cancel(CONTRACT_ID, null))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "cancel contract 3f1c2a9b…: invalid transition from cancelled"
                + " (an earlier attempt got no answer and may have succeeded)");
  }

  // ---- error mapping ----

  @Test
  void client_errors_are_never_retried() {
    server.enqueue(
        json(
            422,
            "{\"success\":false,\"error\":\"ssh_pubkey: not an OpenSSH public key\",\"code\":\"invalid\"}"));

    assertThatThrownBy(() -> client.rentals().create(RENTAL))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("invalid");
              assertThat(e.serverMessage()).isEqualTo("ssh_pubkey: not an OpenSSH public key");
              assertThat(e.getMessage())
                  .isEqualTo("rent offering 42: ssh_pubkey: not an OpenSSH public key");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.slept).isEmpty();
  }

  @Test
  void our_404_envelope_maps_to_not_found_with_code_and_message() {
    server.enqueue(
        json(404, "{\"success\":false,\"error\":\"contract not found\",\"code\":\"not_found\"}"));

    assertThatThrownBy(() -> client.rentals().get(CONTRACT_ID))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("not_found");
              assertThat(e.operation()).isEqualTo("get contract 3f1c2a9b…");
              assertThat(e.getMessage()).isEqualTo("get contract 3f1c2a9b…: contract not found");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void our_409_envelope_maps_to_conflict_naming_the_operation_and_object() {
    server.enqueue(
        json(
            409,
            "{\"success\":false,\"error\":\"invalid transition from rejected\",\"code\":\"invalid_transition\"}"));

    assertThatThrownBy(() -> client.provider().accept(CONTRACT_ID, null))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_transition");
              assertThat(e.getMessage())
                  .isEqualTo("accept contract 3f1c2a9b…: invalid transition from rejected");
            });
  }

  @Test
  void our_403_envelope_maps_to_forbidden() {
    server.enqueue(
        json(403, "{\"success\":false,\"error\":\"not your contract\",\"code\":\"forbidden\"}"));

    assertThatThrownBy(() -> client.rentals().cancel(CONTRACT_ID, "x"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("cancel contract 3f1c2a9b…: not your contract");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void decent_cloud_200_with_success_false_not_found_maps_to_not_found() {
    server.enqueue(
        ok("null")
            .newBuilder()
            .body("{\"success\":false,\"error\":\"Contract not found\"}")
            .build());

    assertThatThrownBy(() -> client.rentals().get(CONTRACT_ID))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.code()).isEqualTo("not_found"); // by its text, O/contracts.rs:173
              assertThat(e.getMessage()).isEqualTo("get contract 3f1c2a9b…: Contract not found");
            });
  }

  @Test
  void decent_cloud_200_with_success_false_messages_map_by_their_source_text() {
    server.enqueue(
        json(
            200,
            "{\"success\":false,\"error\":\"Unauthorized: you are not a party to this contract\"}"));
    server.enqueue(
        json(
            200,
            "{\"success\":false,\"error\":\"Contract cannot be cancelled in 'rejected' status.\"}"));
    server.enqueue(json(200, "{\"success\":false,\"error\":\"memo too long\"}"));

    assertThatThrownBy(() -> client.provider().accept(CONTRACT_ID, null))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage(
            "accept contract 3f1c2a9b…: Unauthorized: you are not a party to this contract");
    assertThatThrownBy(() -> client.provider().accept(CONTRACT_ID, null))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "accept contract 3f1c2a9b…: Contract cannot be cancelled in 'rejected' status.");
    assertThatThrownBy(() -> client.provider().accept(CONTRACT_ID, null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("accept contract 3f1c2a9b…: memo too long");
  }

  @Test
  void text_plain_401_maps_to_unauthorized_with_the_body_as_message() {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .setHeader("Content-Type", "text/plain; charset=utf-8")
            .body("Signature verification failed\n")
            .build());

    assertThatThrownBy(() -> client.rentals().list())
        .isInstanceOfSatisfying(
            UnauthorizedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.getMessage())
                  .isEqualTo("list my rentals: Signature verification failed");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void garbage_body_on_200_is_unavailable_and_not_retried() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html")
            .body("<html>Please log in to the hotel wifi</html>")
            .build());

    assertThatThrownBy(() -> client.rentals().get(CONTRACT_ID))
        .isInstanceOfSatisfying(
            UnavailableException.class,
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "get contract 3f1c2a9b…: unreadable answer (HTTP 200, text/html): not the"
                          + " marketplace's JSON envelope: <html>Please log in to the hotel wifi</html>");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an_endless_answer_is_cut_off_at_32_mib_and_not_retried() {
    okio.Buffer huge = new okio.Buffer();
    byte[] chunk = new byte[1024 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    for (int i = 0; i < 33; i++) {
      huge.write(chunk);
    }
    server.enqueue(new MockResponse.Builder().code(200).body(huge).build());

    assertThatThrownBy(() -> client.rentals().list())
        .isInstanceOfSatisfying(
            UnavailableException.class,
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "list my rentals: unreadable answer (HTTP 200): larger than 32 MiB, not a"
                          + " marketplace answer");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an_envelope_whose_data_has_the_wrong_shape_is_unavailable() {
    server.enqueue(ok("\"not a list\""));

    assertThatThrownBy(() -> client.rentals().list())
        .isInstanceOf(UnavailableException.class)
        .hasMessageStartingWith("list my rentals: unreadable answer: unexpected shape");
  }

  @Test
  void a_bad_contract_id_is_refused_before_anything_is_sent() {
    assertThatThrownBy(() -> client.rentals().get("../../users"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.getMessage())
                    .endsWith("a contract id is hexadecimal, got '../../users'"));
    assertThat(server.getRequestCount()).isZero();
  }
}
