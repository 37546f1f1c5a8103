package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, providers: {@code GET /provider/my-offerings}, {@code PUT} and {@code DELETE
 * /providers/{pubkey}/offerings/{id}} (Decent Cloud's paths), and every invalid field reported at
 * once; run on SQLite and PostgreSQL.
 */
abstract class OfferingManagementContract {
  private TestServer server;
  private Market m;
  private final Identity provider = Ids.of("manage-provider");
  private final Identity other = Ids.of("manage-other");
  private final Identity renter = Ids.of("manage-renter");

  abstract TestDatabases.Kind kind();

  @BeforeEach
  void start() {
    server = TestServer.start(TestDatabases.fresh(kind()));
    m = new Market(server);
  }

  @AfterEach
  void stop() {
    if (server != null) { // not when the database was skipped (-Dpg.skip=true)
      server.close();
    }
  }

  private String offerings(Identity who) {
    return "/api/v1/providers/" + who.publicKeyHex() + "/offerings";
  }

  private JsonNode offering(long id) {
    Raw.Reply r = m.raw.get(null, "/api/v1/offerings/" + id);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.data();
  }

  private static final String FULL =
      "{\"offering_id\":\"vm-1\",\"offer_name\":\"Bigger VM\",\"product_type\":\"gpu\","
          + "\"currency\":\"EUR\",\"monthly_price\":99.5,\"datacenter_country\":\"fr\","
          + "\"gpu_name\":\"L4\",\"gpu_count\":1,\"min_contract_hours\":24,"
          + "\"max_contract_hours\":720,\"billing_unit\":\"hour\",\"is_subscription\":true}";

  @Test
  void create_reports_every_missing_field_in_one_message() {
    Raw.Reply r = m.raw.post(provider, offerings(provider), "{\"description\":\"x\"}");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("invalid");
    assertThat(r.error())
        .isEqualTo(
            "offering_id: is required; offer_name: is required; product_type: is required;"
                + " currency: is required; monthly_price: is required");
  }

  @Test
  void create_reports_every_invalid_field_in_one_message_and_stores_nothing() {
    Raw.Reply r =
        m.raw.post(
            provider,
            offerings(provider),
            "{\"offering_id\":\"x\",\"offer_name\":\"x\",\"product_type\":\"vm\","
                + "\"currency\":\"USD\",\"monthly_price\":-1,\"visibility\":\"secret\","
                + "\"datacenter_country\":\"Germany\",\"min_contract_hours\":48,"
                + "\"max_contract_hours\":24}");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error())
        .isEqualTo(
            "product_type: must be compute, dedicated, gpu, network or storage;"
                + " visibility: must be public, shared or private;"
                + " datacenter_country: must be an ISO 3166 two-letter country code such as DE;"
                + " monthly_price: must not be negative;"
                + " max_contract_hours: must be at least min_contract_hours");
    assertThat(m.raw.get(null, offerings(provider)).data()).isEmpty();
  }

  @Test
  void my_offerings_lists_the_signers_own_drafts_and_private_ones_only() {
    long pub = m.publish(provider, "pub-1", "10");
    Raw.Reply draft =
        m.raw.post(
            provider,
            offerings(provider),
            "{\"offering_id\":\"draft-1\",\"offer_name\":\"D\",\"product_type\":\"compute\","
                + "\"currency\":\"USD\",\"monthly_price\":5,\"is_draft\":true,"
                + "\"visibility\":\"private\"}");
    m.publish(other, "theirs-1", "1");

    Raw.Reply mine = m.raw.get(provider, "/api/v1/provider/my-offerings");
    Raw.Reply unsigned = m.raw.get(null, "/api/v1/provider/my-offerings");

    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    mine.data().forEach(o -> ids.add(o.get("id").asLong()));
    assertThat(ids).containsExactly(draft.data().asLong(), pub);
    assertThat(mine.data().get(0).get("is_draft").asBoolean()).isTrue();
    assertThat(unsigned.status()).isEqualTo(401);
  }

  @Test
  void the_owner_replaces_an_offering_and_keeps_its_id() {
    long id = m.publish(provider, "vm-1", "10");

    Raw.Reply r = m.raw.put(provider, offerings(provider) + "/" + id, FULL);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.data().asText()).isEqualTo("Offering updated successfully");
    JsonNode o = offering(id);
    assertThat(o.get("id").asLong()).isEqualTo(id);
    assertThat(o.get("offer_name").asText()).isEqualTo("Bigger VM");
    assertThat(o.get("product_type").asText()).isEqualTo("gpu");
    assertThat(o.get("monthly_price").decimalValue()).isEqualByComparingTo("99.5");
    assertThat(o.get("datacenter_country").asText()).isEqualTo("FR");
    assertThat(o.get("min_contract_hours").asLong()).isEqualTo(24);
    // every field a provider sets is replaced, Decent Cloud's billing fields included
    assertThat(o.get("billing_unit").asText()).isEqualTo("hour");
    assertThat(o.get("is_subscription").asBoolean()).isTrue();
    assertThat(o.get("pubkey").asText()).isEqualTo(provider.publicKeyHex());
  }

  @Test
  void only_the_owner_may_update_or_delete_403_and_nothing_changes() {
    long id = m.publish(provider, "vm-1", "10");

    Raw.Reply update = m.raw.put(other, offerings(other) + "/" + id, FULL);
    Raw.Reply delete = m.raw.send(other, "DELETE", offerings(other) + "/" + id, null);
    Raw.Reply wrongPath = m.raw.put(other, offerings(provider) + "/" + id, FULL);

    assertThat(update.status()).isEqualTo(403);
    assertThat(update.code()).isEqualTo("forbidden");
    assertThat(update.error()).isEqualTo("offering " + id + " is not yours");
    assertThat(delete.status()).isEqualTo(403);
    assertThat(wrongPath.status()).isEqualTo(403);
    assertThat(wrongPath.error()).isEqualTo("the path's public key must be the signer's");
    assertThat(offering(id).get("offer_name").asText()).isEqualTo("Box vm-1");
  }

  @Test
  void update_validates_as_create_does_and_changes_nothing_when_invalid() {
    long id = m.publish(provider, "vm-1", "10");
    m.publish(provider, "vm-2", "20");

    Raw.Reply invalid =
        m.raw.put(provider, offerings(provider) + "/" + id, "{\"offer_name\":\"renamed\"}");
    Raw.Reply clash =
        m.raw.put(provider, offerings(provider) + "/" + id, FULL.replace("vm-1", "vm-2"));
    Raw.Reply unknown = m.raw.put(provider, offerings(provider) + "/999999", FULL);
    Raw.Reply notNumber = m.raw.put(provider, offerings(provider) + "/abc", FULL);

    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.error())
        .isEqualTo(
            "offering_id: is required; product_type: is required; currency: is required;"
                + " monthly_price: is required");
    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.error()).isEqualTo("you already have an offering with offering_id vm-2");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).isEqualTo("offering 999999 not found");
    assertThat(notNumber.status()).isEqualTo(400);
    assertThat(offering(id).get("offer_name").asText()).isEqualTo("Box vm-1");
  }

  @Test
  void delete_removes_an_offering_nobody_rented_and_frees_its_offering_id() {
    long id = m.publish(provider, "vm-1", "10");

    Raw.Reply r = m.raw.send(provider, "DELETE", offerings(provider) + "/" + id, null);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.data().asText()).isEqualTo("Offering deleted successfully");
    assertThat(m.raw.get(null, "/api/v1/offerings/" + id).status()).isEqualTo(404);
    assertThat(m.raw.send(provider, "DELETE", offerings(provider) + "/" + id, null).status())
        .isEqualTo(404);
    m.publish(provider, "vm-1", "12");
  }

  @Test
  void delete_refuses_while_a_contract_is_open_and_after_it_ended_409() {
    long id = m.publish(provider, "vm-1", "10");
    String contract = m.rent(renter, id);

    Raw.Reply open = m.raw.send(provider, "DELETE", offerings(provider) + "/" + id, null);
    assertThat(open.status()).isEqualTo(409);
    assertThat(open.code()).isEqualTo("conflict");
    assertThat(open.error())
        .isEqualTo(
            "offering "
                + id
                + " has 1 open contract; it can be deleted once they have ended"
                + " (is_draft: true stops new rentals now)");
    assertThat(m.cancel(renter, contract, null).status()).isEqualTo(200);

    Raw.Reply ended = m.raw.send(provider, "DELETE", offerings(provider) + "/" + id, null);
    assertThat(ended.status()).isEqualTo(409);
    assertThat(ended.error())
        .isEqualTo(
            "offering "
                + id
                + " has 1 past contract whose history refers to it; take it off the market"
                + " with is_draft: true instead");
    assertThat(offering(id).get("offering_id").asText()).isEqualTo("vm-1");
  }
}
