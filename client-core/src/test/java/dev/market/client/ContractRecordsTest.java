package dev.market.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.UnavailableException;
import dev.market.client.internal.RecordTrees;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Contracts} makes the contracts of an answer from the tree when the JSON already has their
 * types, and leaves the rest to Jackson: what it makes must equal what Jackson binds (the
 * constructor's redaction of secrets included), and whatever Jackson coerces or refuses must be
 * left to it, with Jackson's error.
 */
class ContractRecordsTest {
  /** Every component set, and no two of one type alike, so a swapped pair is caught. */
  private static final String FULL =
      "{\"contract_id\":\"c1\",\"requester_pubkey\":\"r1\",\"requester_ssh_pubkey\":\"ssh-ed25519 A\","
          + "\"requester_contact\":\"email:a@b.c\",\"provider_pubkey\":\"p1\",\"offering_id\":\"vps\","
          + "\"offering_name\":\"VPS\",\"payment_amount_e9s\":101,\"currency\":\"USD\","
          + "\"payment_method\":\"wallet\",\"payment_status\":\"succeeded\","
          + "\"start_timestamp_ns\":102,\"end_timestamp_ns\":103,\"duration_hours\":104,"
          + "\"request_memo\":\"memo\",\"created_at_ns\":105,\"status\":\"active\","
          + "\"status_updated_at_ns\":106,"
          + "\"provisioning_instance_details\":\"{\\\"ip_address\\\":\\\"203.0.113.7\\\","
          + "\\\"root_password\\\":\\\"hunter2\\\"}\",\"provisioning_completed_at_ns\":107,"
          + "\"operating_system\":\"Debian 12\",\"status_reason\":\"reason\","
          + "\"provider_memo\":\"pmemo\",\"auto_renew\":true,\"escrow_e9s\":108,"
          + "\"refund_amount_e9s\":109,\"paid_out_e9s\":110}";

  private static final RecordTrees TREES = RecordTrees.of(Contract.class);

  @ParameterizedTest
  @ValueSource(
      strings = {
        FULL,
        "{}",
        "{\"contract_id\":\"c\",\"extra\":{\"x\":[1]},\"currency\":null,\"escrow_e9s\":0}",
        "{\"status\":\"provisioned\",\"payment_amount_e9s\":9223372036854775807,"
            + "\"auto_renew\":false,\"status_reason\":\"password: hunter2\"}"
      })
  void made_from_the_tree_equals_what_jackson_binds(String wire) throws Exception {
    JsonNode node = Json.mapper().readTree(wire);

    Object[] values = TREES.values(node);

    assertThat(values).as("made from the tree, not left to Jackson").isNotNull();
    assertThat(Contracts.contract(values))
        .isEqualTo(Json.mapper().treeToValue(node, Contract.class));
  }

  @Test
  void the_full_contract_sets_every_component_in_its_place_and_drops_the_secret() throws Exception {
    Contract c = Contracts.one(envelope(FULL), "show contract");

    assertThat(c.toString()).doesNotContain("=null").doesNotContain("hunter2");
    assertThat(c)
        .isEqualTo(Json.mapper().treeToValue(Json.mapper().readTree(FULL), Contract.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // types Jackson coerces when binding
        "{\"contract_id\":\"c\",\"duration_hours\":\"24\"}",
        "{\"contract_id\":\"c\",\"auto_renew\":\"true\"}",
        "{\"contract_id\":5}",
        "{\"contract_id\":\"c\",\"escrow_e9s\":1.0}",
        // what binding refuses
        "{\"contract_id\":\"c\",\"escrow_e9s\":99999999999999999999}",
        "{\"contract_id\":{\"id\":\"c\"}}",
        "[1,2]"
      })
  void anything_jackson_coerces_or_refuses_is_left_to_it(String wire) throws Exception {
    JsonNode node = Json.mapper().readTree(wire);

    assertThat(TREES.values(node)).isNull();
  }

  @Test
  void a_list_with_one_element_jackson_must_coerce_is_bound_whole_by_jackson() throws Exception {
    String page = "[" + FULL + ",{\"contract_id\":\"c2\",\"duration_hours\":\"24\"}]";

    List<Contract> made = Contracts.list(envelope(page), "list rentals");

    assertThat(made)
        .isEqualTo(
            List.of(
                Json.mapper().treeToValue(Json.mapper().readTree(FULL), Contract.class),
                Contract.builder().contractId("c2").durationHours(24L).build()));
  }

  @Test
  void what_jackson_refuses_gets_jacksons_error() {
    assertThatThrownBy(() -> Contracts.one(envelope("{\"contract_id\":[1]}"), "show contract"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("show contract")
        .hasMessageContaining("not a Contract");
    assertThatThrownBy(() -> Contracts.list(envelope("{\"a\":1}"), "list rentals"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("list rentals");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        FULL,
        "{}",
        "{\"contract_id\":\"c\",\"escrow_e9s\":0,\"auto_renew\":false,"
            + "\"status_reason\":\"password: hunter2\"}"
      })
  void the_tree_is_what_jackson_writes(String wire) throws Exception {
    Contract c = Json.mapper().treeToValue(Json.mapper().readTree(wire), Contract.class);

    assertThat(Contracts.tree(c)).isEqualTo(Json.mapper().valueToTree(c));
    assertThat(Contracts.contract(Contracts.values(c))).isEqualTo(c);
  }

  private static ObjectNode envelope(String data) throws Exception {
    return (ObjectNode) Json.mapper().readTree("{\"success\":true,\"data\":" + data + "}");
  }
}
