package dev.market.server.money;

import static dev.market.server.support.Market.E9;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10 over HTTP on a real database: escrow on rent, the settlement of every ending, the
 * lifecycle sweeps, extensions, auto-renew and reviews, each balance checked to the e9. The
 * offerings cost 720 a month: exactly 1 unit (1e9 e9s) an hour, so every figure is exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MoneyContract {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final long HOUR_NS = 3_600_000_000_000L;
  private TestServer server;
  private Market m;
  private Identity provider;
  private Identity renter;
  private long offering;

  abstract TestDatabases.Kind kind();

  @BeforeAll
  void start() {
    server = TestServer.start(TestDatabases.fresh(kind()));
    m = new Market(server);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Fresh parties and offering per test; the ledger must reconcile after every test. */
  @org.junit.jupiter.api.BeforeEach
  void parties() {
    int n = SEQ.incrementAndGet();
    provider = Ids.of("money-provider-" + n);
    renter = Ids.of("money-renter-" + n);
    offering = m.publish(provider, "money-" + n, "720");
  }

  @AfterEach
  void ledgerReconciles() {
    var check = server.server.ledger().check();
    assertThat(check.mismatches()).isEmpty();
    assertThat(check.balancesE9s()).isEqualTo(check.depositsE9s() - check.withdrawalsE9s());
  }

  private Raw.Reply deposit(Identity who, long e9s) {
    return m.raw.post(
        who,
        "/api/v1/users/" + who.publicKeyHex() + "/wallet/deposits",
        "{\"amountE9s\":" + e9s + "}");
  }

  private JsonNode wallet(Identity who) {
    Raw.Reply r = m.raw.get(who, "/api/v1/users/" + who.publicKeyHex() + "/wallet");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.data();
  }

  private String rent(String body) {
    Raw.Reply r = m.raw.post(renter, "/api/v1/contracts", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.data().get("contractId").asText();
  }

  private long balance(Identity who) {
    return m.balance(who);
  }

  private JsonNode contract(String id) {
    Raw.Reply r = m.raw.get(renter, "/api/v1/contracts/" + id);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.data();
  }

  private List<String> notificationTypes(Identity who) {
    Raw.Reply r = m.raw.get(who, "/api/v1/users/" + who.publicKeyHex() + "/notifications");
    List<String> out = new ArrayList<>();
    r.data().forEach(n -> out.add(n.get("notificationType").asText()));
    return out;
  }

  @Test
  void a_demo_deposit_credits_at_once_and_the_rent_moves_the_price_into_escrow() {
    Raw.Reply d = deposit(renter, 100 * E9);
    assertThat(d.status()).as(d.toString()).isEqualTo(200);
    assertThat(d.data().get("provider").asText()).isEqualTo("demo");
    assertThat(d.data().get("status").asText()).isEqualTo("credited");
    assertThat(d.data().get("balanceE9s").asLong()).isEqualTo(100 * E9);

    String id = rent(Market.rentBody(offering));

    JsonNode w = wallet(renter);
    assertThat(w.get("balanceE9s").asLong()).isEqualTo(76 * E9);
    JsonNode hold = w.get("recentLedger").get(0);
    assertThat(hold.get("amountE9s").asLong()).isEqualTo(-24 * E9);
    assertThat(hold.get("balanceAfterE9s").asLong()).isEqualTo(76 * E9);
    assertThat(hold.get("entryType").asText()).isEqualTo("escrow_hold");
    assertThat(hold.get("reference").asText()).isEqualTo(id);
    JsonNode dep = w.get("recentLedger").get(1);
    assertThat(dep.get("amountE9s").asLong()).isEqualTo(100 * E9);
    assertThat(dep.get("entryType").asText()).isEqualTo("deposit");
    assertThat(w.get("recentLedger")).hasSize(2);
    assertThat(m.escrow(id)).isEqualTo(24 * E9);
    JsonNode c = contract(id);
    assertThat(c.get("payment_amount_e9s").asLong()).isEqualTo(24 * E9);
    assertThat(c.get("escrow_e9s").asLong()).isEqualTo(24 * E9);
    assertThat(c.get("refund_amount_e9s").asLong()).isZero();
    assertThat(c.get("paid_out_e9s").asLong()).isZero();
    assertThat(c.get("auto_renew").asBoolean()).isFalse();
  }

  @Test
  void an_insufficient_balance_refuses_the_rent_with_402_and_creates_nothing() {
    deposit(renter, 24 * E9 - 1);
    Raw.Reply r = m.raw.post(renter, "/api/v1/contracts", Market.rentBody(offering));
    assertThat(r.status()).isEqualTo(402);
    assertThat(r.code()).isEqualTo("insufficient_funds");
    assertThat(r.error())
        .isEqualTo(
            "insufficient funds: this costs 24000000000 e9s and the wallet holds 23999999999 e9s;"
                + " deposit first (market wallet deposit)");
    Raw.Reply mine = m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/contracts");
    assertThat(mine.data()).isEmpty();
    assertThat(balance(renter)).isEqualTo(24 * E9 - 1);
    assertThat(notificationTypes(provider)).isEmpty();
  }

  @Test
  void reject_refunds_the_hold_in_full() {
    deposit(renter, 30 * E9);
    String id = rent(Market.rentBody(offering));
    assertThat(m.respond(provider, id, false).status()).isEqualTo(200);
    assertThat(balance(renter)).isEqualTo(30 * E9);
    assertThat(balance(provider)).isZero();
    assertThat(m.escrow(id)).isZero();
    assertThat(wallet(renter).get("recentLedger").get(0).get("entryType").asText())
        .isEqualTo("refund");
  }

  @Test
  void cancel_before_provisioned_refunds_in_full() {
    deposit(renter, 30 * E9);
    String id = rent(Market.rentBody(offering));
    m.driveTo(provider, id, "provisioning");
    server.clock.advance(Duration.ofHours(2));
    assertThat(m.cancel(renter, id, "changed my mind").status()).isEqualTo(200);
    assertThat(balance(renter)).isEqualTo(30 * E9);
    assertThat(balance(provider)).isZero();
  }

  @Test
  void cancel_while_active_pays_the_used_share_and_refunds_the_rest_to_the_e9() {
    deposit(renter, 30 * E9);
    String id = rent(Market.rentBody(offering));
    m.driveTo(provider, id, "active");
    server.clock.advance(Duration.ofHours(6).plusSeconds(1));
    assertThat(m.cancel(renter, id, null).status()).isEqualTo(200);
    // 24e9 × (6 h + 1 s) / 24 h = 6 000 277 777.7… → the provider gets 6 000 277 777
    assertThat(balance(provider)).isEqualTo(6_000_277_777L);
    assertThat(balance(renter)).isEqualTo(30 * E9 - 24 * E9 + (24 * E9 - 6_000_277_777L));
    assertThat(m.escrow(id)).isZero();
    JsonNode c = contract(id);
    assertThat(c.get("escrow_e9s").asLong()).isZero();
    assertThat(c.get("paid_out_e9s").asLong()).isEqualTo(6_000_277_777L);
    assertThat(c.get("refund_amount_e9s").asLong()).isEqualTo(24 * E9 - 6_000_277_777L);
    assertThat(c.get("auto_renew").asBoolean()).isFalse();
    Raw.Reply mine = m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/contracts");
    assertThat(mine.data().get(0).get("paid_out_e9s").asLong()).isEqualTo(6_000_277_777L);
    Raw.Reply theirs =
        m.raw.get(provider, "/api/v1/providers/" + provider.publicKeyHex() + "/contracts");
    assertThat(theirs.data().get(0).get("refund_amount_e9s").asLong())
        .isEqualTo(24 * E9 - 6_000_277_777L);
  }

  @Test
  void completion_pays_the_provider_and_notifies_both() {
    deposit(renter, 30 * E9);
    String id = rent(Market.rentBody(offering));
    m.driveTo(provider, id, "active");
    server.clock.advance(Duration.ofHours(24).plusSeconds(1));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("completed");
    assertThat(balance(provider)).isEqualTo(24 * E9);
    assertThat(balance(renter)).isEqualTo(6 * E9);
    assertThat(notificationTypes(renter)).contains("rental_completed");
    assertThat(notificationTypes(provider)).contains("rental_completed");
  }

  @Test
  void an_unanswered_request_expires_after_the_request_expiry_and_is_refunded() {
    deposit(renter, 30 * E9);
    String id = rent(Market.rentBody(offering));
    server.clock.advance(Duration.ofHours(24).minusSeconds(1));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("pending");
    server.clock.advance(Duration.ofSeconds(2));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("expired");
    assertThat(balance(renter)).isEqualTo(30 * E9);
    assertThat(notificationTypes(renter)).contains("rental_expired");
    assertThat(notificationTypes(provider)).contains("rental_expired");
    assertThat(m.respond(provider, id, true).code()).isEqualTo("invalid_transition");
  }

  @Test
  void provisioning_past_the_timeout_fails_and_is_refunded() {
    deposit(renter, 30 * E9);
    String id = rent(Market.rentBody(offering));
    m.driveTo(provider, id, "provisioning");
    server.clock.advance(Duration.ofHours(24).plusSeconds(1));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("provisioningfailed");
    assertThat(balance(renter)).isEqualTo(30 * E9);
    assertThat(notificationTypes(renter)).contains("rental_provisioningfailed");
  }

  @Test
  void extend_charges_the_wallet_and_moves_the_end_and_is_refused_past_the_maximum() {
    deposit(renter, 40 * E9);
    String id = rent(Market.rentBody(offering));
    long end = contract(id).get("end_timestamp_ns").asLong();
    Raw.Reply r =
        m.raw.post(renter, "/api/v1/contracts/" + id + "/extend", "{\"extensionHours\":12}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.data().get("extensionPaymentE9s").asLong()).isEqualTo(12 * E9);
    assertThat(r.data().get("newEndTimestampNs").asLong()).isEqualTo(end + 12 * HOUR_NS);
    assertThat(balance(renter)).isEqualTo(4 * E9);
    assertThat(m.escrow(id)).isEqualTo(36 * E9);
    JsonNode c = contract(id);
    assertThat(c.get("end_timestamp_ns").asLong()).isEqualTo(end + 12 * HOUR_NS);
    assertThat(c.get("duration_hours").asLong()).isEqualTo(36);
    assertThat(c.get("payment_amount_e9s").asLong()).isEqualTo(36 * E9);

    Raw.Reply tooLong =
        m.raw.post(renter, "/api/v1/contracts/" + id + "/extend", "{\"extensionHours\":8725}");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.error())
        .isEqualTo(
            "extensionHours: would make the rental 8761 hours; the offering allows at most 8760"
                + " (it is 36 now)");
    Raw.Reply poor =
        m.raw.post(renter, "/api/v1/contracts/" + id + "/extend", "{\"extensionHours\":5}");
    assertThat(poor.status()).isEqualTo(402);
    assertThat(poor.code()).isEqualTo("insufficient_funds");
    Raw.Reply notMine =
        m.raw.post(provider, "/api/v1/contracts/" + id + "/extend", "{\"extensionHours\":1}");
    assertThat(notMine.status()).isEqualTo(403);
    assertThat(contract(id).get("end_timestamp_ns").asLong()).isEqualTo(end + 12 * HOUR_NS);
    assertThat(balance(renter)).isEqualTo(4 * E9);
  }

  @Test
  void auto_renew_renews_while_the_wallet_covers_it_then_completes_and_says_why() {
    deposit(renter, 50 * E9);
    String id = rent(Market.rentBody(offering).replace("}", ",\"auto_renew\":true}"));
    m.driveTo(provider, id, "active");
    long end = contract(id).get("end_timestamp_ns").asLong();
    server.clock.advance(Duration.ofHours(24).plusSeconds(1));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("active");
    assertThat(contract(id).get("end_timestamp_ns").asLong()).isEqualTo(end + 24 * HOUR_NS);
    assertThat(balance(provider)).isEqualTo(24 * E9);
    assertThat(balance(renter)).isEqualTo(2 * E9);
    assertThat(m.escrow(id)).isEqualTo(24 * E9);
    Raw.Reply terms = m.raw.get(renter, "/api/v1/contracts/" + id + "/terms");
    assertThat(terms.data().get("renewals").asInt()).isEqualTo(1);
    assertThat(terms.data().get("autoRenew").asBoolean()).isTrue();
    assertThat(terms.data().get("periodStartNs").asLong()).isEqualTo(end);
    JsonNode renewed = contract(id);
    assertThat(renewed.get("auto_renew").asBoolean()).isTrue();
    assertThat(renewed.get("escrow_e9s").asLong()).isEqualTo(24 * E9);
    assertThat(renewed.get("paid_out_e9s").asLong()).isEqualTo(24 * E9);

    server.clock.advance(Duration.ofHours(24));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("completed");
    assertThat(balance(provider)).isEqualTo(48 * E9);
    assertThat(balance(renter)).isEqualTo(2 * E9);
    assertThat(notificationTypes(renter)).contains("renewal_failed", "rental_renewed");
  }

  @Test
  void auto_renew_stops_at_the_offerings_maximum_and_extend_is_refused_past_it() {
    String name = "capped-" + SEQ.get();
    Raw.Reply published =
        m.raw.post(
            provider,
            "/api/v1/providers/" + provider.publicKeyHex() + "/offerings",
            ("{\"offering_id\":\"%s\",\"offer_name\":\"Box %s\",\"product_type\":\"compute\","
                    + "\"currency\":\"USD\",\"monthly_price\":720,\"max_contract_hours\":48}")
                .formatted(name, name));
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    long capped = published.data().asLong();
    deposit(renter, 100 * E9);
    String id = rent(Market.rentBody(capped).replace("}", ",\"auto_renew\":true}"));
    m.driveTo(provider, id, "active");
    Raw.Reply over =
        m.raw.post(renter, "/api/v1/contracts/" + id + "/extend", "{\"extensionHours\":25}");
    assertThat(over.status()).isEqualTo(422);
    assertThat(over.error())
        .isEqualTo(
            "extensionHours: would make the rental 49 hours; the offering allows at most 48"
                + " (it is 24 now)");

    // the first renewal reaches the maximum exactly: allowed
    server.clock.advance(Duration.ofHours(24).plusSeconds(1));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("active");
    assertThat(contract(id).get("duration_hours").asLong()).isEqualTo(48);
    assertThat(balance(renter)).isEqualTo(52 * E9);
    assertThat(balance(provider)).isEqualTo(24 * E9);

    // a second one would pass it: the rental completes though the wallet covers another term
    server.clock.advance(Duration.ofHours(24));
    server.server.sweep();
    assertThat(m.status(id)).isEqualTo("completed");
    assertThat(contract(id).get("duration_hours").asLong()).isEqualTo(48);
    assertThat(balance(renter)).isEqualTo(52 * E9);
    assertThat(balance(provider)).isEqualTo(48 * E9);
    assertThat(m.escrow(id)).isZero();
    Raw.Reply notes =
        m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/notifications");
    List<String> failed = new ArrayList<>();
    notes
        .data()
        .forEach(
            note -> {
              if (note.get("notificationType").asText().equals("renewal_failed")) {
                failed.add(note.get("body").asText());
              }
            });
    assertThat(failed)
        .containsExactly(
            "Your rental of Box "
                + name
                + " could not renew: another 24 h would make it 72 hours and the offering allows"
                + " at most 48; it completed");
  }

  @Test
  void auto_renew_can_be_switched_off_by_the_renter_only() {
    deposit(renter, 50 * E9);
    String id = rent(Market.rentBody(offering));
    Raw.Reply on =
        m.raw.put(renter, "/api/v1/contracts/" + id + "/auto-renew", "{\"autoRenew\":true}");
    assertThat(on.status()).as(on.toString()).isEqualTo(200);
    assertThat(on.data().get("autoRenew").asBoolean()).isTrue();
    assertThat(on.data().get("escrowE9s").asLong()).isEqualTo(24 * E9);
    Raw.Reply theirs =
        m.raw.put(provider, "/api/v1/contracts/" + id + "/auto-renew", "{\"autoRenew\":false}");
    assertThat(theirs.status()).isEqualTo(403);
    Raw.Reply bad =
        m.raw.put(renter, "/api/v1/contracts/" + id + "/auto-renew", "{\"autoRenew\":\"yes\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.error()).isEqualTo("autoRenew: must be true or false");
  }

  @Test
  void a_renter_reviews_an_ended_rental_once_with_a_rating_of_1_to_5() {
    deposit(renter, 30 * E9);
    String id = rent(Market.rentBody(offering));
    m.driveTo(provider, id, "active");
    String path = "/api/v1/contracts/" + id + "/feedback";
    assertThat(m.raw.post(renter, path, "{\"rating\":5}").code()).isEqualTo("invalid_transition");
    server.clock.advance(Duration.ofHours(25));
    server.server.sweep();
    Raw.Reply six = m.raw.post(renter, path, "{\"rating\":6}");
    assertThat(six.status()).isEqualTo(422);
    assertThat(six.error()).isEqualTo("rating: must be 1 to 5, got 6");
    Raw.Reply escape = m.raw.post(renter, path, "{\"rating\":4,\"comment\":\"ok\\u001b[2J\"}");
    assertThat(escape.status()).isEqualTo(422);
    assertThat(escape.error()).startsWith("comment: ");
    assertThat(m.raw.post(provider, path, "{\"rating\":5}").status()).isEqualTo(403);
    Raw.Reply ok = m.raw.post(renter, path, "{\"rating\":4,\"comment\":\" fast box \"}");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.data().get("rating").asInt()).isEqualTo(4);
    assertThat(ok.data().get("comment").asText()).isEqualTo("fast box");
    Raw.Reply again = m.raw.post(renter, path, "{\"rating\":1}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("conflict");
    assertThat(m.raw.get(provider, path).data().get("rating").asInt()).isEqualTo(4);
  }

  /** A fresh renter rents {@code offeringId} for 24 h, it runs to completion, and rates it. */
  private void rentedAndRated(long offeringId, Identity offeror, int rating) {
    Identity r = Ids.of("money-rater-" + SEQ.incrementAndGet());
    m.fundAtLeast(r, 100 * E9);
    Raw.Reply rent = m.raw.post(r, "/api/v1/contracts", Market.rentBody(offeringId));
    assertThat(rent.status()).as(rent.toString()).isEqualTo(200);
    String id = rent.data().get("contractId").asText();
    m.driveTo(offeror, id, "active");
    server.clock.advance(Duration.ofHours(25));
    server.server.sweep();
    Raw.Reply rated =
        m.raw.post(r, "/api/v1/contracts/" + id + "/feedback", "{\"rating\":" + rating + "}");
    assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
  }

  /** Offering ids (numeric) of a public listing, in its order. */
  private List<Long> listed(String query) {
    Raw.Reply r = m.raw.get(null, "/api/v1/offerings?" + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    r.data().forEach(o -> out.add(o.get("id").asLong()));
    return out;
  }

  private static String q(String expression) {
    return "q=" + java.net.URLEncoder.encode(expression, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void offerings_carry_the_providers_rating_and_search_filters_and_sorts_on_it() {
    int n = SEQ.get();
    Identity other = Ids.of("money-other-provider-" + n);
    Identity third = Ids.of("money-third-provider-" + n);
    // only this test names offerings "rated-…": the listing below sees these four and no others
    long a = m.publish(provider, "rated-" + n + "-a", "720");
    long b = m.publish(provider, "rated-" + n + "-b", "1440");
    long c = m.publish(other, "rated-" + n + "-c", "1000");
    long d = m.publish(third, "rated-" + n + "-d", "100");
    String mine = q("name:rated-");

    JsonNode before = m.raw.get(null, "/api/v1/offerings/" + a).data();
    assertThat(before.get("provider_rating_count").asLong()).isZero();
    assertThat(before.has("provider_rating")).isFalse();

    rentedAndRated(a, provider, 5);
    rentedAndRated(b, provider, 5);
    rentedAndRated(a, provider, 4);
    rentedAndRated(c, other, 5);

    // 14 / 3 = 4.666…: rounded down on the wire, so a shown 4.66 is always kept by rating:>=4.66
    JsonNode shown = m.raw.get(null, "/api/v1/offerings/" + b).data();
    assertThat(shown.get("provider_rating").decimalValue()).isEqualByComparingTo("4.66");
    assertThat(shown.get("provider_rating").toString()).isEqualTo("4.66");
    assertThat(shown.get("provider_rating_count").asLong()).isEqualTo(3);
    JsonNode five = m.raw.get(null, "/api/v1/offerings/" + c).data();
    assertThat(five.get("provider_rating").toString()).isEqualTo("5");
    assertThat(five.get("provider_rating_count").asLong()).isEqualTo(1);
    Raw.Reply ofProvider =
        m.raw.get(null, "/api/v1/providers/" + provider.publicKeyHex() + "/offerings");
    List<String> ratings = new ArrayList<>();
    ofProvider.data().forEach(o -> ratings.add(o.get("provider_rating").toString()));
    assertThat(ratings).containsExactly("4.66", "4.66", "4.66"); // a, b and parties()' offering
    Raw.Reply listedD = m.raw.get(null, "/api/v1/offerings?" + q("name:rated-" + n + "-d"));
    assertThat(listedD.data().get(0).get("provider_rating_count").asLong()).isZero();
    assertThat(listedD.data().get(0).has("provider_rating")).isFalse();

    assertThat(listed(mine)).containsExactly(d, a, c, b);
    assertThat(listed(q("name:rated- rating:>=4.66"))).containsExactly(a, c, b);
    assertThat(listed(q("name:rated- rating:>=4.67"))).containsExactly(c);
    assertThat(listed(q("name:rated- !rating:>=5"))).containsExactly(d, a, b);
    assertThat(listed(q("name:rated- reviews:>=2"))).containsExactly(a, b);
    assertThat(listed(mine + "&sort=rating")).containsExactly(c, a, b, d);
    assertThat(listed(mine + "&sort=RATING&limit=2&offset=1")).containsExactly(a, b);
    assertThat(listed(mine + "&sort=price")).containsExactly(d, a, c, b);

    Raw.Reply badSort = m.raw.get(null, "/api/v1/offerings?sort=stars");
    assertThat(badSort.status()).isEqualTo(422);
    assertThat(badSort.error()).isEqualTo("sort: must be price or rating, got 'stars'");
    Raw.Reply badBound = m.raw.get(null, "/api/v1/offerings?" + q("rating:>=4.125"));
    assertThat(badBound.status()).isEqualTo(422);
    assertThat(badBound.error())
        .isEqualTo("q: 'rating' has at most 2 decimal places at column 10, got '4.125'");
  }

  @Test
  void deposits_and_withdrawals_name_the_field_and_never_overdraw() {
    assertThat(deposit(renter, 0).error())
        .isEqualTo("amountE9s: must be 1 to 1000000000000000 e9s");
    Raw.Reply frac =
        m.raw.post(
            renter,
            "/api/v1/users/" + renter.publicKeyHex() + "/wallet/deposits",
            "{\"amountE9s\":1.5}");
    assertThat(frac.status()).isEqualTo(422);
    assertThat(frac.error()).isEqualTo("amountE9s: must be a whole number");
    Raw.Reply other = deposit(provider, 5 * E9);
    assertThat(other.status()).isEqualTo(200);
    Raw.Reply someoneElses =
        m.raw.post(
            renter,
            "/api/v1/users/" + provider.publicKeyHex() + "/wallet/deposits",
            "{\"amountE9s\":1}");
    assertThat(someoneElses.status()).isEqualTo(403);
    String w = "/api/v1/users/" + provider.publicKeyHex() + "/wallet/withdrawals";
    Raw.Reply over = m.raw.post(provider, w, "{\"amountE9s\":" + (5 * E9 + 1) + "}");
    assertThat(over.status()).isEqualTo(402);
    assertThat(over.code()).isEqualTo("insufficient_funds");
    Raw.Reply out = m.raw.post(provider, w, "{\"amountE9s\":" + (2 * E9) + "}");
    assertThat(out.status()).as(out.toString()).isEqualTo(200);
    assertThat(out.data().get("status").asText()).isEqualTo("paid_out");
    assertThat(out.data().get("balanceE9s").asLong()).isEqualTo(3 * E9);
    assertThat(balance(provider)).isEqualTo(3 * E9);
  }
}
