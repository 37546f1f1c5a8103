package dev.market.client;

import static dev.market.client.TestSupport.CONTRACT_ID;
import static dev.market.client.TestSupport.RENTER;
import static dev.market.client.TestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.RequestSigning;
import dev.market.protocol.model.RentalRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DryRunTest {
  private MockWebServer server;
  private final List<PreparedRequest> sink = new ArrayList<>();
  private MarketClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    TestSupport.MutableClock clock = new TestSupport.MutableClock(T0);
    client =
        TestSupport.client(server, clock, new TestSupport.RecordingSleeper(clock))
            .dryRun(sink::add)
            .build();
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

    assertThatThrownBy(() -> client.rent(rental, "key-1"))
        .isInstanceOfSatisfying(
            DryRunException.class, e -> assertThat(e.request()).isSameAs(sink.get(0)));

    assertThat(server.getRequestCount()).isZero();
    PreparedRequest p = sink.get(0);
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
    assertThatThrownBy(() -> client.listOfferings(OfferingQuery.builder().limit(3).build()))
        .isInstanceOf(DryRunException.class)
        .hasMessageEndingWith("/api/v1/offerings?limit=3 not sent");

    assertThat(server.getRequestCount()).isZero();
    assertThat(sink.get(0).headers()).extracting(Map.Entry::getKey).doesNotContain("X-Signature");
    assertThat(sink.get(0).body()).isEmpty();
  }

  @Test
  void dry_run_await_stops_at_the_first_poll() {
    assertThatThrownBy(
            () ->
                client.awaitStatus(
                    CONTRACT_ID,
                    dev.market.protocol.model.ContractStatus.ACTIVE,
                    java.time.Duration.ofMinutes(1)))
        .isInstanceOf(DryRunException.class);
    assertThat(server.getRequestCount()).isZero();
    assertThat(sink).hasSize(1);
  }
}
