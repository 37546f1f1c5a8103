package dev.market.client;

import static dev.market.client.TestSupport.CONTRACT_ID;
import static dev.market.client.TestSupport.RENTER;
import static dev.market.client.TestSupport.T0;
import static dev.market.client.TestSupport.body;
import static dev.market.client.TestSupport.contractJson;
import static dev.market.client.TestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.crypto.Credentials;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.InstanceDetails;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.UserNotification;
import dev.market.server.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each endpoint: method, path, body, and how its answer is read. */
class EndpointsTest {
  private static final String ME = RENTER.publicKeyHex();
  private MockWebServer server;
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

  private RecordedRequest taken(String method, String path) throws InterruptedException {
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo(method);
    assertThat(r.getUrl().encodedPath()).isEqualTo(path);
    return r;
  }

  private static String text(RecordedRequest r) {
    return new String(body(r), StandardCharsets.UTF_8);
  }

  @Test
  void get_contract_reads_a_contract_ignoring_unknown_fields() throws Exception {
    server.enqueue(ok(contractJson("provisioned")));

    Contract c = client.rentals().get(CONTRACT_ID.toUpperCase(Locale.ROOT));

    assertThat(c.contractId()).isEqualTo(CONTRACT_ID);
    assertThat(c.statusValue()).isEqualTo(ContractStatus.PROVISIONED);
    assertThat(c.createdAtNs()).isEqualTo(1_700_000_000_000_000_000L);
    taken("GET", "/api/v1/contracts/" + CONTRACT_ID);
  }

  @Test
  void my_rentals_and_provider_contracts_use_my_public_key_in_the_path() throws Exception {
    server.enqueue(ok("[" + contractJson("pending") + "]"));
    server.enqueue(ok("[]"));

    assertThat(client.rentals().list()).hasSize(1);
    assertThat(client.provider().contracts()).isEmpty();

    taken("GET", "/api/v1/users/" + ME + "/contracts");
    taken("GET", "/api/v1/providers/" + ME + "/contracts");
  }

  @Test
  void cancel_sends_the_memo_and_returns_the_message() throws Exception {
    server.enqueue(ok("\"Contract cancelled\""));
    server.enqueue(ok("\"Contract cancelled\""));

    assertThat(client.rentals().cancel(CONTRACT_ID, "changed my mind"))
        .isEqualTo("Contract cancelled");
    client.rentals().cancel(CONTRACT_ID, null);

    assertThat(text(taken("PUT", "/api/v1/contracts/" + CONTRACT_ID + "/cancel")))
        .isEqualTo("{\"memo\":\"changed my mind\"}");
    assertThat(text(taken("PUT", "/api/v1/contracts/" + CONTRACT_ID + "/cancel")))
        .isEqualTo("{\"memo\":null}");
  }

  @Test
  void accept_and_reject_post_the_answer() throws Exception {
    server.enqueue(ok("\"accepted\""));
    server.enqueue(ok("\"rejected\""));

    assertThat(client.provider().accept(CONTRACT_ID, null)).isEqualTo("accepted");
    assertThat(client.provider().reject(CONTRACT_ID, "sold out")).isEqualTo("rejected");

    String path = "/api/v1/provider/rental-requests/" + CONTRACT_ID + "/respond";
    assertThat(text(taken("POST", path))).isEqualTo("{\"accept\":true,\"memo\":null}");
    assertThat(text(taken("POST", path))).isEqualTo("{\"accept\":false,\"memo\":\"sold out\"}");
  }

  @Test
  void update_provisioning_sends_status_and_details() throws Exception {
    server.enqueue(ok("\"ok\""));

    client
        .provider()
        .provision(
            CONTRACT_ID,
            Provisioning.done(new InstanceDetails("192.0.2.1", null, null, null, null, null)));

    assertThat(
            text(taken("PUT", "/api/v1/provider/rental-requests/" + CONTRACT_ID + "/provisioning")))
        .isEqualTo(
            "{\"status\":\"provisioned\",\"instanceDetails\":\"{\\\"ip_address\\\":\\\"192.0.2.1\\\"}\"}");
  }

  @Test
  void a_failed_provisioning_report_never_puts_the_details_in_the_message() {
    server.enqueue(
        TestSupport.json(
            422,
            "{\"success\":false,\"error\":\"instanceDetails: too long\",\"code\":\"invalid\"}"));

    assertThatThrownBy(
            () ->
                client
                    .provider()
                    .provision(
                        CONTRACT_ID,
                        Provisioning.done(
                            new InstanceDetails(null, null, null, null, "hunter2-secret", null))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("report contract 3f1c2a9b… as provisioned: instanceDetails: too long")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void a_server_echoing_the_root_password_in_an_error_gets_it_masked() {
    server.enqueue(
        TestSupport.json(
            422,
            "{\"success\":false,\"error\":\"instanceDetails: bad value 'hunter2-secret'\",\"code\":\"invalid\"}"));

    assertThatThrownBy(
            () ->
                client
                    .provider()
                    .provision(
                        CONTRACT_ID,
                        Provisioning.done(
                            new InstanceDetails(null, null, null, null, "hunter2-secret", null))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "report contract 3f1c2a9b… as provisioned: instanceDetails: bad value '***'");
            });
  }

  @Test
  void events_pending_and_notifications_are_read_as_lists() throws Exception {
    server.enqueue(
        ok(
            "[{\"id\":1,\"contractId\":\""
                + CONTRACT_ID
                + "\",\"eventType\":\"status_change\","
                + "\"oldStatus\":\"requested\",\"newStatus\":\"pending\",\"actor\":\"system\",\"createdAt\":5}]"));
    server.enqueue(ok("[" + contractJson("pending") + "]"));
    server.enqueue(
        ok(
            "[{\"id\":3,\"notificationType\":\"rental_accepted\",\"title\":\"t\",\"body\":\"b\","
                + "\"contractId\":\""
                + CONTRACT_ID
                + "\",\"createdAt\":1700000000}]"));

    List<ContractEvent> events = client.rentals().events(CONTRACT_ID);
    List<Contract> pending = client.provider().pendingRequests();
    List<UserNotification> notes = client.notifications().list();

    assertThat(events.get(0).newStatus()).isEqualTo("pending");
    assertThat(pending).extracting(Contract::status).containsExactly("pending");
    assertThat(notes.get(0).readAt()).isNull();
    assertThat(notes.get(0).createdAt()).isEqualTo(1_700_000_000L);
    taken("GET", "/api/v1/contracts/" + CONTRACT_ID + "/events");
    taken("GET", "/api/v1/provider/rental-requests/pending");
    taken("GET", "/api/v1/users/" + ME + "/notifications");
  }

  @Test
  void unread_count_and_mark_read() throws Exception {
    server.enqueue(ok("{\"unreadCount\":7}"));
    server.enqueue(TestSupport.json(200, "{\"success\":true}"));
    server.enqueue(TestSupport.json(200, "{\"success\":true}"));

    assertThat(client.notifications().unreadCount()).isEqualTo(7);
    client.notifications().markRead(List.of(3L, 4L));
    client.notifications().markRead(List.of());

    taken("GET", "/api/v1/users/" + ME + "/notifications/unread-count");
    String path = "/api/v1/users/" + ME + "/notifications/mark-read";
    assertThat(text(taken("POST", path))).isEqualTo("{\"ids\":[3,4]}");
    assertThat(text(taken("POST", path))).isEqualTo("{\"ids\":[]}");
  }

  @Test
  void auto_accept_get_and_put() throws Exception {
    server.enqueue(ok("{\"autoAcceptRentals\":false}"));
    server.enqueue(ok("{\"autoAcceptRentals\":true}"));

    assertThat(client.provider().autoAccept()).isFalse();
    assertThat(client.provider().setAutoAccept(true)).isTrue();

    taken("GET", "/api/v1/provider/settings/auto-accept");
    assertThat(text(taken("PUT", "/api/v1/provider/settings/auto-accept")))
        .isEqualTo("{\"autoAcceptRentals\":true}");
  }

  @Test
  void create_offering_posts_snake_case_and_returns_the_new_id() throws Exception {
    server.enqueue(ok("17"));
    Offering o =
        new Offering(
            null,
            null,
            "gpu-1",
            "GPU box",
            null,
            "gpu",
            "USD",
            new java.math.BigDecimal("99.50"),
            null,
            "public",
            "in_stock",
            null,
            8,
            null,
            "32 GB",
            null,
            null,
            null,
            null,
            "DE",
            null,
            null,
            null,
            null,
            1L,
            720L,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(client.offerings().create(o)).isEqualTo(17);

    assertThat(text(taken("POST", "/api/v1/providers/" + ME + "/offerings")))
        .isEqualTo(
            "{\"offering_id\":\"gpu-1\",\"offer_name\":\"GPU box\",\"product_type\":\"gpu\","
                + "\"currency\":\"USD\",\"monthly_price\":99.5,\"visibility\":\"public\","
                + "\"stock_status\":\"in_stock\",\"processor_cores\":8,\"memory_amount\":\"32 GB\","
                + "\"datacenter_country\":\"DE\",\"min_contract_hours\":1,\"max_contract_hours\":720,"
                // what Decent Cloud requires and the offering left out, with their defaults
                + "\"setup_fee\":0,\"billing_interval\":\"monthly\",\"billing_unit\":\"month\","
                + "\"is_subscription\":false,\"unmetered_bandwidth\":false,"
                + "\"datacenter_city\":\"\",\"is_draft\":false}");
  }

  @Test
  void provider_offerings_are_public_and_the_key_is_checked_first() throws Exception {
    server.enqueue(ok("[{\"id\":1}]"));

    assertThat(client.offerings().ofProvider(ME.toUpperCase(Locale.ROOT))).hasSize(1);
    RecordedRequest r = taken("GET", "/api/v1/providers/" + ME + "/offerings");
    assertThat(r.getHeaders().get("X-Signature")).isNull();

    assertThatThrownBy(() -> client.offerings().ofProvider("abc"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("list offerings of provider abc: a public key is 64 hex characters, got 'abc'");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void encrypted_credentials_are_the_data_string() throws Exception {
    server.enqueue(ok("\"{\\\"version\\\":2}\""));

    assertThat(client.rentals().encryptedCredentials(CONTRACT_ID)).isEqualTo("{\"version\":2}");
    taken("GET", "/api/v1/contracts/" + CONTRACT_ID + "/credentials");
  }

  @Test
  void credentials_are_fetched_and_decrypted_for_this_contract() throws Exception {
    String encrypted =
        Credentials.encrypt(RENTER.publicKeyHex(), Hex.decode(CONTRACT_ID), "hunter2-secret");
    server.enqueue(ok(Json.mapper().writeValueAsString(encrypted)));

    assertThat(client.rentals().credentials(CONTRACT_ID)).isEqualTo("hunter2-secret");
    taken("GET", "/api/v1/contracts/" + CONTRACT_ID + "/credentials");
  }

  @Test
  void credentials_of_another_contract_are_refused_without_leaking_anything() throws Exception {
    String other = "cd".repeat(32);
    String encrypted =
        Credentials.encrypt(RENTER.publicKeyHex(), Hex.decode(other), "hunter2-secret");
    server.enqueue(ok(Json.mapper().writeValueAsString(encrypted)));

    assertThatThrownBy(() -> client.rentals().credentials(CONTRACT_ID))
        .isInstanceOfSatisfying(
            UnavailableException.class,
            e -> {
              assertThat(e.code()).isEqualTo("undecryptable_credentials");
              assertThat(e.getMessage())
                  .startsWith("get credentials of contract 3f1c2a9b…: ")
                  .contains("another contract")
                  .doesNotContain("hunter2");
            });
  }

  @Test
  void a_success_without_data_where_data_is_needed_is_a_protocol_problem() {
    server.enqueue(TestSupport.json(200, "{\"success\":true}"));

    assertThatThrownBy(() -> client.rentals().get(CONTRACT_ID))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("get contract 3f1c2a9b…: unreadable answer: the answer has no data");
  }

  @Test
  void the_base_url_may_already_end_with_the_api_prefix() throws Exception {
    try (MarketClient other =
        MarketClient.builder().baseUrl(server.url("/api/v1/").toString()).build()) {
      server.enqueue(TestSupport.json(200, "{\"success\":true,\"message\":\"up\"}"));

      assertThat(other.health()).isEqualTo("up");
      assertThat(other.apiBase()).isEqualTo(server.url("/api/v1").toString());
      taken("GET", "/api/v1/health");
    }
  }

  @Test
  void a_malformed_base_url_fails_at_build_time() {
    assertThatThrownBy(() -> MarketClient.builder().baseUrl("localhost:8787").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an http(s) URL: 'localhost:8787'");
  }
}
