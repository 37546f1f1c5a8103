package dev.market.client;

import static dev.market.client.TestSupport.CONTRACT_ID;
import static dev.market.client.TestSupport.RENTER;
import static dev.market.client.TestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.error.UnauthorizedException;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.RequestSigning;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DryRunTest {
  private MockWebServer server;
  private static final RequestOptions DRY = RequestOptions.builder().dryRun(true).build();
  private MarketClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    MutableClock clock = new MutableClock(T0);
    client = TestSupport.client(server, clock, new TestSupport.RecordingSleeper(clock)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void dry_run_rent_hands_over_a_signed_request_and_sends_nothing() {
    RentalRequest rental =
        new RentalRequest(42L, "ssh-ed25519 AAAA test", "test", 24L, null, null, null, null);

    Outcome<RentalCreated> outcome =
        client.rentals().create(rental, DRY.toBuilder().idempotencyKey("key-1").build());

    assertThat(server.getRequestCount()).isZero();
    assertThat(outcome.isDryRun()).isTrue();
    PreparedRequest p = ((Outcome.DryRun<RentalCreated>) outcome).request();
    assertThat(p.method()).isEqualTo("POST");
    assertThat(p.url()).isEqualTo(server.url("/api/v1/contracts").toString());
    Map<String, String> h =
        p.headers().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(h)
        .containsEntry("Idempotency-Key", "key-1")
        .containsEntry("X-Public-Key", RENTER.publicKeyHex())
        .containsEntry("X-Timestamp", "1700000000123456789")
        .containsEntry("Content-Type", "application/json")
        .containsKeys("X-Nonce", "X-Signature", "User-Agent");
    assertThat(new String(p.body(), StandardCharsets.UTF_8)).startsWith("{\"offering_db_id\":42,");
    byte[] message =
        RequestSigning.message(
            h.get("X-Timestamp"),
            h.get("X-Nonce"),
            p.method(),
            HttpUrl.get(p.url()).encodedPath(),
            p.body());
    assertThat(RequestSigning.verify(RENTER.publicKey(), message, Hex.decode(h.get("X-Signature"))))
        .isTrue();
  }

  @Test
  void dry_run_of_a_public_get_has_no_signature_and_sends_nothing() {
    Outcome<List<Offering>> outcome =
        client.offerings().list(OfferingQuery.builder().limit(3).build(), DRY);

    assertThat(server.getRequestCount()).isZero();
    PreparedRequest p = ((Outcome.DryRun<List<Offering>>) outcome).request();
    assertThat(p.url()).endsWith("/api/v1/offerings?limit=3");
    assertThat(p.headers()).extracting(Map.Entry::getKey).doesNotContain("X-Signature");
    assertThat(p.body()).isEmpty();
    assertThatThrownBy(outcome::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("/api/v1/offerings?limit=3 was not sent");
  }

  @Test
  void dry_run_await_stops_at_the_first_poll() {
    Outcome<AwaitResult> outcome =
        client
            .rentals()
            .await(
                CONTRACT_ID,
                dev.market.protocol.model.ContractStatus.ACTIVE,
                java.time.Duration.ofMinutes(1),
                c -> {
                  throw new AssertionError("a dry run polls nothing");
                },
                DRY);

    assertThat(server.getRequestCount()).isZero();
    assertThat(((Outcome.DryRun<AwaitResult>) outcome).request().url())
        .endsWith("/api/v1/contracts/" + CONTRACT_ID);
  }

  @Test
  void dry_run_stream_prepares_the_first_page_and_sends_nothing() {
    Outcome<Stream<Offering>> outcome =
        client.offerings().stream(OfferingQuery.builder().offset(10).build(), DRY);

    assertThat(server.getRequestCount()).isZero();
    assertThat(((Outcome.DryRun<Stream<Offering>>) outcome).request().url())
        .endsWith("/api/v1/offerings?limit=100&offset=10");
  }

  @Test
  void a_dry_run_of_a_signed_call_without_identity_fails_like_the_real_call() throws Exception {
    try (MarketClient anonymous =
        MarketClient.builder().baseUrl(server.url("/").toString()).build()) {
      assertThatThrownBy(() -> anonymous.rentals().list(DRY))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessageStartingWith("list my rentals: this call is signed and no identity");
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
