package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.crypto.Identity;
import dev.market.server.domain.HistoryRow;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rental flow end to end through the real server; run on SQLite and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RentalFlowContract {
  private TestServer server;
  private Market m;
  private final Identity provider = Ids.of("provider-1");
  private final Identity otherProvider = Ids.of("provider-2");
  private final Identity renter = Ids.of("renter-1");
  private final Identity stranger = Ids.of("stranger");
  private long offering;

  abstract TestDatabases.Kind kind();

  @BeforeAll
  void startServer() {
    server = TestServer.start(TestDatabases.fresh(kind()));
    m = new Market(server);
    offering = m.publish(provider, "flow-1", "72");
    m.publish(otherProvider, "other-1", "10");
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static List<String> path(List<HistoryRow> rows) {
    List<String> out = new ArrayList<>();
    for (HistoryRow r : rows) {
      out.add(r.oldStatus() + ">" + r.newStatus());
    }
    return out;
  }

  @Test
  void full_flow_reaches_completed_with_one_history_row_and_event_per_transition() {
    String id = m.rent(renter, offering);
    assertThat(m.status(id)).isEqualTo("pending");

    Raw.Reply contract = m.raw.get(renter, "/api/v1/contracts/" + id);
    assertThat(contract.status()).isEqualTo(200);
    assertThat(contract.data().get("status").asText()).isEqualTo("pending");
    // 72 a month for 24 h = 72e9 * 24 / 720
    assertThat(contract.data().get("payment_amount_e9s").asLong()).isEqualTo(2_400_000_000L);
    assertThat(contract.data().get("offering_id").asText()).isEqualTo("flow-1");
    assertThat(contract.data().get("requester_contact").asText())
        .isEqualTo("email:alice@example.com");

    Raw.Reply pending = m.raw.get(provider, "/api/v1/provider/rental-requests/pending");
    assertThat(ids(pending.data())).contains(id);

    m.driveTo(provider, id, "active");
    Raw.Reply provisioned = m.raw.get(renter, "/api/v1/contracts/" + id);
    assertThat(provisioned.data().get("provisioning_instance_details").asText())
        .contains("203.0.113.7");
    assertThat(provisioned.data().get("provisioning_completed_at_ns").asLong()).isPositive();

    server.clock.advance(Duration.ofHours(25));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("completed");

    assertThat(path(m.history(id)))
        .containsExactly(
            "null>requested",
            "requested>pending",
            "pending>accepted",
            "accepted>provisioning",
            "provisioning>provisioned",
            "provisioned>active",
            "active>completed");
    Raw.Reply events = m.raw.get(renter, "/api/v1/contracts/" + id + "/events");
    List<String> changes = new ArrayList<>();
    for (JsonNode e : events.data()) {
      if (e.get("eventType").asText().equals("status_change")) {
        changes.add(e.get("newStatus").asText() + "/" + e.get("actor").asText());
      }
    }
    assertThat(changes)
        .containsExactly(
            "requested/tenant",
            "pending/system",
            "accepted/provider",
            "provisioning/provider",
            "provisioned/provider",
            "active/provider",
            "completed/system");

    Raw.Reply notes =
        m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/notifications");
    List<String> types = new ArrayList<>();
    notes
        .data()
        .forEach(
            n -> {
              if (id.equals(n.get("contractId").asText())) {
                types.add(n.get("notificationType").asText());
              }
            });
    assertThat(types)
        .containsExactly(
            "rental_completed", "rental_active", "rental_provisioned", "rental_accepted");
  }

  @Test
  void a_read_after_the_end_completes_an_active_rental_without_the_sweeper() {
    String id = m.rent(renter, offering);
    m.driveTo(provider, id, "active");
    server.clock.advance(Duration.ofHours(25));
    Raw.Reply r = m.raw.get(renter, "/api/v1/contracts/" + id);
    assertThat(r.data().get("status").asText()).isEqualTo("completed");
    server.clock.advance(Duration.ofHours(-25));
  }

  @Test
  void rejection_is_terminal_and_notifies_the_renter() {
    String id = m.rent(renter, offering);
    Raw.Reply r = m.respond(provider, id, false);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(m.status(id)).isEqualTo("rejected");
    assertThat(m.respond(provider, id, true).status()).isEqualTo(409);
    Raw.Reply notes =
        m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/notifications");
    assertThat(notes.data().get(0).get("notificationType").asText()).isEqualTo("rental_rejected");
  }

  @Test
  void a_reject_reason_reaches_the_renter_in_the_contract_events_and_notification() {
    String id = m.rent(renter, offering);
    assertThat(m.respond(provider, id, false, "no capacity in Berlin").status()).isEqualTo(200);

    JsonNode c = m.raw.get(renter, "/api/v1/contracts/" + id).data();
    assertThat(c.get("status_reason").asText()).isEqualTo("no capacity in Berlin");
    assertThat(c.get("provider_memo").asText()).isEqualTo("no capacity in Berlin");
    JsonNode events = m.raw.get(renter, "/api/v1/contracts/" + id + "/events").data();
    assertThat(events.get(events.size() - 1).get("details").asText())
        .isEqualTo("rejected: no capacity in Berlin");
    JsonNode note =
        m.raw
            .get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/notifications")
            .data()
            .get(0);
    assertThat(note.get("body").asText())
        .isEqualTo("Your rental of Box flow-1 was rejected: no capacity in Berlin");
    assertThat(m.history(id).get(m.history(id).size() - 1).memo())
        .isEqualTo("no capacity in Berlin");
  }

  @Test
  void an_accept_memo_and_a_cancel_reason_are_kept_and_shown_with_their_change() {
    String id = m.rent(renter, offering);
    assertThat(m.respond(provider, id, true, "ready within the hour").status()).isEqualTo(200);
    JsonNode accepted = m.raw.get(renter, "/api/v1/contracts/" + id).data();
    assertThat(accepted.get("status_reason").asText()).isEqualTo("ready within the hour");
    JsonNode note =
        m.raw
            .get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/notifications")
            .data()
            .get(0);
    assertThat(note.get("body").asText())
        .isEqualTo("Your rental of Box flow-1 was accepted: ready within the hour");

    assertThat(m.cancel(renter, id, "found a cheaper one").status()).isEqualTo(200);

    JsonNode c = m.raw.get(renter, "/api/v1/contracts/" + id).data();
    assertThat(c.get("status_reason").asText()).isEqualTo("found a cheaper one");
    assertThat(c.get("provider_memo").asText()).isEqualTo("ready within the hour");
    List<String> details = new ArrayList<>();
    m.raw
        .get(renter, "/api/v1/contracts/" + id + "/events")
        .data()
        .forEach(e -> details.add(e.get("details").asText()));
    assertThat(details)
        .containsExactly(
            "rental requested",
            "request validated",
            "accepted: ready within the hour",
            "cancelled by renter: found a cheaper one");
  }

  @Test
  void a_contract_changed_without_a_reason_has_no_status_reason() {
    String id = m.rent(renter, offering);
    m.driveTo(provider, id, "provisioning");
    JsonNode c = m.raw.get(renter, "/api/v1/contracts/" + id).data();
    assertThat(c.has("status_reason")).as(c.toString()).isFalse();
    assertThat(c.has("provider_memo")).as(c.toString()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pending", "accepted", "provisioning", "provisioned", "active"})
  void the_renter_can_cancel_at_every_cancellable_state(String state) {
    String id = m.rent(renter, offering);
    m.driveTo(provider, id, state);
    int before = m.history(id).size();
    Raw.Reply r = m.cancel(renter, id, "changed my mind");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(m.status(id)).isEqualTo("cancelled");
    List<HistoryRow> h = m.history(id);
    assertThat(h).hasSize(before + 1);
    assertThat(h.get(h.size() - 1).oldStatus()).isEqualTo(state);
    assertThat(h.get(h.size() - 1).memo()).isEqualTo("changed my mind");
    Raw.Reply provNotes =
        m.raw.get(provider, "/api/v1/users/" + provider.publicKeyHex() + "/notifications");
    assertThat(provNotes.data().get(0).get("notificationType").asText())
        .isEqualTo("rental_cancelled");
    assertThat(m.cancel(renter, id, null).status()).isEqualTo(409);
  }

  @Test
  void every_invalid_transition_is_409_and_changes_nothing() {
    String id = m.rent(renter, offering);
    // pending: provisioning steps are not allowed yet
    for (String step : List.of("provisioning", "provisioned", "active")) {
      assertUnchanged(id, () -> m.provision(provider, id, step, Market.DETAILS), 409);
    }
    m.driveTo(provider, id, "provisioning");
    assertUnchanged(id, () -> m.respond(provider, id, true), 409);
    assertUnchanged(id, () -> m.respond(provider, id, false), 409);
    assertUnchanged(id, () -> m.provision(provider, id, "active", null), 409);
    m.driveTo(provider, id, "active");
    assertUnchanged(id, () -> m.provision(provider, id, "provisioning", null), 409);
    assertUnchanged(id, () -> m.provision(provider, id, "provisioningfailed", "x"), 409);
    Raw.Reply r = m.provision(provider, id, "provisioning", null);
    assertThat(r.code()).isEqualTo("invalid_transition");
    assertThat(r.error()).contains("active");
  }

  @Test
  void provisioned_without_instance_details_is_422_naming_the_field() {
    String id = m.rent(renter, offering);
    m.driveTo(provider, id, "provisioning");
    Raw.Reply r = assertUnchanged(id, () -> m.provision(provider, id, "provisioned", " "), 422);
    assertThat(r.error()).startsWith("instanceDetails");
    r = assertUnchanged(id, () -> m.provision(provider, id, "provisioned", "not json"), 422);
    assertThat(r.error()).startsWith("instanceDetails");
  }

  @Test
  void strangers_and_wrong_roles_get_403_or_404_and_nothing_changes() {
    String id = m.rent(renter, offering);
    // a stranger learns nothing
    assertUnchanged(id, () -> m.raw.get(stranger, "/api/v1/contracts/" + id), 404);
    assertUnchanged(id, () -> m.respond(stranger, id, true), 404);
    assertUnchanged(id, () -> m.cancel(stranger, id, null), 404);
    assertUnchanged(id, () -> m.raw.get(stranger, "/api/v1/contracts/" + id + "/events"), 404);
    // the renter acting as provider
    assertUnchanged(id, () -> m.respond(renter, id, true), 403);
    assertUnchanged(id, () -> m.provision(renter, id, "provisioning", null), 403);
    // a provider on someone else's contract
    assertUnchanged(id, () -> m.respond(otherProvider, id, false), 404);
    // the provider using the renter's cancel, and reading the renter's credentials
    assertUnchanged(id, () -> m.cancel(provider, id, null), 403);
    assertUnchanged(id, () -> m.raw.get(provider, "/api/v1/contracts/" + id + "/credentials"), 403);
    // someone else's lists
    assertThat(
            m.raw.get(stranger, "/api/v1/users/" + renter.publicKeyHex() + "/contracts").status())
        .isEqualTo(403);
    assertThat(
            m.raw
                .get(stranger, "/api/v1/users/" + renter.publicKeyHex() + "/notifications")
                .status())
        .isEqualTo(403);
    assertThat(
            m.raw
                .get(renter, "/api/v1/providers/" + provider.publicKeyHex() + "/contracts")
                .status())
        .isEqualTo(403);
    assertThat(ids(m.raw.get(otherProvider, "/api/v1/provider/rental-requests/pending").data()))
        .doesNotContain(id);
  }

  @Test
  void a_contract_id_is_its_creation_time_then_random_digits() {
    String id = m.rent(renter, offering);
    server.clock.advance(Duration.ofNanos(1));
    String next = m.rent(renter, offering);
    long createdAt =
        m.raw.get(renter, "/api/v1/contracts/" + id).data().get("created_at_ns").asLong();

    // 64 hex digits: the creation time in nanoseconds, big-endian, then 48 random ones
    assertThat(id).matches("[0-9a-f]{64}");
    assertThat(Long.parseUnsignedLong(id.substring(0, 16), 16)).isEqualTo(createdAt);
    assertThat(Long.parseUnsignedLong(next.substring(0, 16), 16)).isEqualTo(createdAt + 1);
    assertThat(next.substring(16)).isNotEqualTo(id.substring(16));
  }

  @Test
  void several_renters_requesting_the_same_offering_at_once_each_get_their_own_contract()
      throws Exception {
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Identity r = Ids.of("crowd-" + i);
        futures.add(pool.submit(() -> m.rent(r, offering)));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : futures) {
        ids.add(f.get());
      }
      assertThat(ids).doesNotHaveDuplicates().hasSize(n);
      for (String id : ids) {
        assertThat(m.status(id)).isEqualTo("pending");
        assertThat(path(m.history(id))).containsExactly("null>requested", "requested>pending");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void auto_accept_moves_new_requests_straight_to_accepted() {
    Identity auto = Ids.of("auto-provider");
    long off = m.publish(auto, "auto-1", "5");
    Raw.Reply get = m.raw.get(auto, "/api/v1/provider/settings/auto-accept");
    assertThat(get.data().get("autoAcceptRentals").asBoolean()).isFalse();
    Raw.Reply put =
        m.raw.put(auto, "/api/v1/provider/settings/auto-accept", "{\"autoAcceptRentals\":true}");
    assertThat(put.data().get("autoAcceptRentals").asBoolean()).isTrue();
    String id = m.rent(renter, off);
    assertThat(m.status(id)).isEqualTo("accepted");
    assertThat(path(m.history(id)))
        .containsExactly("null>requested", "requested>pending", "pending>accepted");
    assertThat(m.history(id).get(2).changedBy()).isEqualTo("system");
  }

  @Test
  void same_idempotency_key_returns_the_first_contract_and_a_different_body_is_422() {
    long before = renterContracts().size();
    String body = Market.rentBody(offering);
    Raw.Reply first = rentWithKey("key-1", body);
    Raw.Reply again = rentWithKey("key-1", body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.data().get("contractId").asText())
        .isEqualTo(first.data().get("contractId").asText());
    assertThat(renterContracts()).hasSize((int) before + 1);

    Raw.Reply different =
        rentWithKey("key-1", body.replace("\"duration_hours\":24", "\"duration_hours\":48"));
    assertThat(different.status()).isEqualTo(422);
    assertThat(different.error()).startsWith("Idempotency-Key");
    assertThat(renterContracts()).hasSize((int) before + 1);
  }

  @Test
  void concurrent_retries_with_one_idempotency_key_create_one_contract() throws Exception {
    long before = renterContracts().size();
    String body = Market.rentBody(offering);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Raw.Reply>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> rentWithKey("key-race", body));
      }
      List<String> ids = new ArrayList<>();
      for (Future<Raw.Reply> f : pool.invokeAll(calls)) {
        assertThat(f.get().status()).as(f.get().toString()).isEqualTo(200);
        ids.add(f.get().data().get("contractId").asText());
      }
      assertThat(ids).containsOnly(ids.get(0));
      assertThat(renterContracts()).hasSize((int) before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void renters_list_is_newest_first_and_notifications_can_be_marked_read() {
    Identity r = Ids.of("lister");
    String a = m.rent(r, offering);
    server.clock.advance(Duration.ofMillis(5));
    String b = m.rent(r, offering);
    Raw.Reply list = m.raw.get(r, "/api/v1/users/" + r.publicKeyHex() + "/contracts");
    assertThat(ids(list.data())).containsExactly(b, a);

    m.respond(provider, a, true);
    m.respond(provider, b, false);
    String base = "/api/v1/users/" + r.publicKeyHex() + "/notifications";
    assertThat(m.raw.get(r, base + "/unread-count").data().get("unreadCount").asLong())
        .isEqualTo(2);
    long first = m.raw.get(r, base).data().get(0).get("id").asLong();
    assertThat(m.raw.post(r, base + "/mark-read", "{\"ids\":[" + first + "]}").status())
        .isEqualTo(200);
    assertThat(m.raw.get(r, base + "/unread-count").data().get("unreadCount").asLong())
        .isEqualTo(1);
    assertThat(m.raw.post(r, base + "/mark-read", "{\"ids\":[]}").status()).isEqualTo(200);
    assertThat(m.raw.get(r, base + "/unread-count").data().get("unreadCount").asLong())
        .isEqualTo(0);
  }

  @Test
  void offerings_list_in_price_order_and_unknown_ids_are_404() {
    Raw.Reply list = m.raw.get(null, "/api/v1/offerings?limit=500");
    List<Double> prices = new ArrayList<>();
    list.data().forEach(o -> prices.add(o.get("monthly_price").asDouble()));
    assertThat(prices).isSorted().isNotEmpty();
    assertThat(
            m.raw.get(null, "/api/v1/offerings/" + offering).data().get("monthly_price").asText())
        .isEqualTo("72");
    Raw.Reply missing = m.raw.get(null, "/api/v1/offerings/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("not_found");
    assertThat(m.tryRent(renter, 999_999).status()).isEqualTo(404);
  }

  @Test
  void publishing_the_same_offering_id_twice_is_409() {
    Raw.Reply r =
        m.raw.post(
            provider,
            "/api/v1/providers/" + provider.publicKeyHex() + "/offerings",
            "{\"offering_id\":\"flow-1\",\"offer_name\":\"dup\",\"product_type\":\"compute\",\"currency\":\"USD\",\"monthly_price\":1}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.code()).isEqualTo("conflict");
  }

  private Raw.Reply rentWithKey(String key, String body) {
    return m.raw.send(
        s -> {
          s.identity = renter;
          s.method = "POST";
          s.path = "/api/v1/contracts";
          s.body = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          s.headers.put("Idempotency-Key", key);
          return s;
        });
  }

  private JsonNode renterContracts() {
    return m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/contracts").data();
  }

  private static List<String> ids(JsonNode contracts) {
    return StreamSupport.stream(contracts.spliterator(), false)
        .map(c -> c.get("contract_id").asText())
        .toList();
  }

  private Raw.Reply assertUnchanged(String id, Callable<Raw.Reply> call, int expectedStatus) {
    String status = m.status(id);
    int history = m.history(id).size();
    Raw.Reply r;
    try {
      r = call.call();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(r.status()).as(r.toString()).isEqualTo(expectedStatus);
    assertThat(r.json().get("success").asBoolean()).isFalse();
    assertThat(m.status(id)).isEqualTo(status);
    assertThat(m.history(id)).hasSize(history);
    return r;
  }
}
