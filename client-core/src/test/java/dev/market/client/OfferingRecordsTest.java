package dev.market.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.client.internal.RecordTrees;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Offering;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OfferingService makes a page's offerings from the tree ({@link RecordTrees#values} and the
 * canonical constructor) when the JSON already has their types, and leaves the rest to Jackson: for
 * every object, what it makes must equal what Jackson binds, and whatever Jackson coerces or
 * refuses must be left to Jackson.
 */
class OfferingRecordsTest {
  private static final String FULL =
      "{\"id\":7,\"pubkey\":\"ab\",\"offering_id\":\"vps-1\",\"offer_name\":\"Small VPS\","
          + "\"description\":\"d\",\"product_type\":\"compute\",\"currency\":\"USD\","
          + "\"monthly_price\":12.50,\"setup_fee\":0,\"visibility\":\"public\","
          + "\"stock_status\":\"in_stock\",\"processor_brand\":\"AMD\",\"processor_cores\":4,"
          + "\"processor_name\":\"EPYC\",\"memory_amount\":\"8 GB\",\"total_ssd_capacity\":\"80 GB\","
          + "\"total_hdd_capacity\":\"0\",\"uplink_speed\":\"1 Gbit/s\",\"unmetered_bandwidth\":true,"
          + "\"datacenter_country\":\"DE\",\"datacenter_city\":\"Berlin\",\"gpu_name\":\"none\","
          + "\"gpu_count\":2,\"gpu_memory_gb\":24,\"min_contract_hours\":1,"
          + "\"max_contract_hours\":8760,\"operating_systems\":\"Debian 12\","
          + "\"billing_interval\":\"monthly\",\"billing_unit\":\"month\",\"is_subscription\":false,"
          + "\"is_draft\":true,\"provider_rating\":4.66,\"provider_rating_count\":12}";

  private static final RecordTrees TREES = RecordTrees.of(Offering.class);

  @ParameterizedTest
  @ValueSource(
      strings = {
        FULL,
        "{}",
        "{\"offer_name\":\"B\",\"id\":2,\"extra\":{\"x\":[1]},\"currency\":null,\"monthly_price\":5}",
        "{\"id\":1,\"monthly_price\":1e3,\"setup_fee\":2.50,\"provider_rating\":-0.0}",
        "{\"id\":1,\"monthly_price\":0.000,\"setup_fee\":100,\"max_contract_hours\":9000000000}",
        "{\"id\":9223372036854775807,\"provider_rating_count\":0}"
      })
  void made_from_the_tree_equals_what_jackson_binds(String wire) throws Exception {
    JsonNode node = Json.mapper().readTree(wire);

    Object[] values = TREES.values(node);

    assertThat(values).as("made from the tree, not left to Jackson").isNotNull();
    assertThat(OfferingService.offering(values))
        .isEqualTo(Json.mapper().treeToValue(node, Offering.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // types Jackson coerces when binding
        "{\"id\":\"36\",\"offer_name\":\"A\"}",
        "{\"id\":1,\"offer_name\":5}",
        "{\"id\":1,\"is_draft\":\"true\"}",
        "{\"id\":1,\"processor_cores\":4.0}",
        "{\"id\":1,\"monthly_price\":\"9.99\"}",
        // what binding refuses
        "{\"id\":1,\"processor_cores\":3000000000}",
        "{\"id\":1,\"offer_name\":{\"en\":\"A\"}}",
        "{\"id\":99999999999999999999}",
        "[1,2]",
        "1"
      })
  void anything_jackson_coerces_or_refuses_is_left_to_it(String wire) throws Exception {
    JsonNode node = Json.mapper().readTree(wire);

    assertThat(TREES.values(node)).isNull();
  }

  @org.junit.jupiter.api.Test
  void the_full_offering_sets_every_component_in_its_place() throws Exception {
    Offering o = OfferingService.offering(TREES.values(Json.mapper().readTree(FULL)));

    // every field of FULL is set, and fields of one type differ (but two of the three booleans),
    // so a swapped pair is caught
    assertThat(o.toString()).doesNotContain("=null");
    assertThat(o)
        .isEqualTo(Json.mapper().treeToValue(Json.mapper().readTree(FULL), Offering.class));
  }
}
