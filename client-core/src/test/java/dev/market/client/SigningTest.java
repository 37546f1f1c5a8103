package dev.market.client;

import static dev.market.client.TestSupport.CONTRACT_ID;
import static dev.market.client.TestSupport.RENTER;
import static dev.market.client.TestSupport.T0;
import static dev.market.client.TestSupport.body;
import static dev.market.client.TestSupport.contractJson;
import static dev.market.client.TestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.error.UnauthorizedException;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.RequestSigning;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningTest {
  private MockWebServer server;
  private MutableClock clock;
  private MarketClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    clock = new MutableClock(T0);
    client = TestSupport.client(server, clock, new TestSupport.RecordingSleeper(clock)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** What the server received verifies against the path and body the server received. */
  private static void assertVerifies(RecordedRequest r) {
    String ts = r.getHeaders().get("X-Timestamp");
    String nonce = r.getHeaders().get("X-Nonce");
    byte[] message =
        RequestSigning.message(ts, nonce, r.getMethod(), r.getUrl().encodedPath(), body(r));
    assertThat(r.getHeaders().get("X-Public-Key")).isEqualTo(RENTER.publicKeyHex());
    assertThat(
            RequestSigning.verify(
                RENTER.publicKey(), message, Hex.decode(r.getHeaders().get("X-Signature"))))
        .isTrue();
  }

  @Test
  void signed_get_verifies_against_the_received_path_and_has_the_exact_clock_timestamp()
      throws Exception {
    server.enqueue(ok(contractJson("pending")));

    client.rentals().get(CONTRACT_ID);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/contracts/" + CONTRACT_ID);
    assertThat(r.getHeaders().get("X-Timestamp")).isEqualTo("1700000000123456789");
    assertThat(UUID.fromString(r.getHeaders().get("X-Nonce")).version()).isEqualTo(4);
    assertVerifies(r);
  }

  @Test
  void signed_post_signature_covers_the_exact_body_bytes_received() throws Exception {
    server.enqueue(ok("{\"contractId\":\"" + CONTRACT_ID + "\",\"message\":\"created\"}"));

    client
        .rentals()
        .create(
            new RentalRequest(
                42L,
                "ssh-ed25519 AAAA test",
                "test",
                24L,
                "email:a@example.com",
                "héllo",
                null,
                null));

    RecordedRequest r = server.takeRequest();
    assertThat(new String(body(r), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"offering_db_id\":42,\"ssh_pubkey\":\"ssh-ed25519 AAAA test\",\"payment_method\":"
                + "\"test\",\"duration_hours\":24,\"contact_method\":\"email:a@example.com\","
                + "\"request_memo\":\"héllo\"}");
    assertVerifies(r);
    // a signature over another body must not verify: the body really is covered
    byte[] other =
        RequestSigning.message(
            r.getHeaders().get("X-Timestamp"),
            r.getHeaders().get("X-Nonce"),
            "POST",
            r.getUrl().encodedPath(),
            "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(
            RequestSigning.verify(
                RENTER.publicKey(), other, Hex.decode(r.getHeaders().get("X-Signature"))))
        .isFalse();
  }

  @Test
  void public_listing_carries_no_signing_headers_even_with_an_identity() throws Exception {
    server.enqueue(ok("[]"));

    client.offerings().list(OfferingQuery.builder().query("type:gpu").build());

    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().names()).doesNotContain("X-Signature", "X-Public-Key", "X-Nonce");
    assertThat(r.getHeaders().get("User-Agent")).startsWith("market/");
  }

  @Test
  void get_offering_by_id_is_signed_with_an_identity_and_unsigned_without() throws Exception {
    server.enqueue(ok("{\"id\":7,\"offer_name\":\"x\"}"));
    server.enqueue(ok("{\"id\":7,\"offer_name\":\"x\"}"));
    try (MarketClient anonymous =
        MarketClient.builder().baseUrl(server.url("/").toString()).build()) {

      client.offerings().get(7);
      assertThat(anonymous.offerings().get(7).offerName()).isEqualTo("x");

      assertVerifies(server.takeRequest());
      assertThat(server.takeRequest().getHeaders().get("X-Signature")).isNull();
    }
  }

  @Test
  void a_signed_call_without_an_identity_fails_before_sending_anything() {
    try (MarketClient anonymous =
        MarketClient.builder().baseUrl(server.url("/").toString()).build()) {
      assertThatThrownBy(() -> anonymous.rentals().list())
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              e -> {
                assertThat(e.code()).isEqualTo("no_identity");
                assertThat(e.status()).isZero();
                assertThat(e.getMessage()).startsWith("list my rentals: ");
              });
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void user_agent_names_market_and_its_version() throws Exception {
    server.enqueue(TestSupport.json(200, "{\"success\":true,\"message\":\"ok\"}"));

    assertThat(client.health()).isEqualTo("ok");

    assertThat(server.takeRequest().getHeaders().get("User-Agent"))
        .matches("market/\\d+\\.\\d+\\.\\d+.*");
  }
}
