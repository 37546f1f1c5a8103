package dev.market.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -o json} writes contracts without Jackson's record serializer ({@link
 * JsonDocuments#tree}); the documents must be the ones the records' mapper wrote, for a contract, a
 * list of them, and a list that mixes them with other records and nulls.
 */
class ContractDocumentsTest {
  private static final Contract FULL =
      Contract.builder()
          .contractId("c1")
          .requesterPubkey("r1")
          .requesterSshPubkey("ssh-ed25519 A")
          .requesterContact("email:a@b.c")
          .providerPubkey("p1")
          .offeringId("vps")
          .offeringName("VPS")
          .paymentAmountE9s(101L)
          .currency("USD")
          .paymentMethod("wallet")
          .paymentStatus("succeeded")
          .startTimestampNs(1_796_047_066_246_091_921L)
          .endTimestampNs(1_796_054_266_246_091_921L)
          .durationHours(2L)
          .requestMemo("memo")
          .createdAtNs(1_796_047_066_000_000_000L)
          .status("active")
          .statusUpdatedAtNs(-1L)
          .provisioningInstanceDetails("{\"ip_address\":\"203.0.113.7\",\"root_password\":\"x\"}")
          .provisioningCompletedAtNs(0L)
          .operatingSystem("Debian 12")
          .statusReason("reason")
          .providerMemo("pmemo")
          .autoRenew(true)
          .escrowE9s(108L)
          .refundAmountE9s(0L)
          .paidOutE9s(110L)
          .build();

  @Test
  void aContractIsWrittenAsTheRecordsMapperWroteIt() {
    assertThat(FULL.toString()).doesNotContain("=null");
    assertThat(JsonDocuments.tree(FULL)).isEqualTo(JsonDocuments.viaMapper(FULL));
    Contract sparse = Contract.builder().contractId("c2").status("requested").build();
    assertThat(JsonDocuments.tree(sparse)).isEqualTo(JsonDocuments.viaMapper(sparse));
    assertThat(JsonDocuments.of(FULL)).isEqualTo(JsonDocuments.of(JsonDocuments.viaMapper(FULL)));
  }

  @Test
  void listsAreWrittenElementByElementAsTheMapperWroteThem() throws Exception {
    ContractEvent event =
        Json.mapper()
            .readValue(
                "{\"id\":1,\"contractId\":\"c1\",\"eventType\":\"accepted\",\"createdAt\":5}",
                ContractEvent.class);
    List<Object> mixed = Arrays.asList(FULL, null, event, "text", 3);

    assertThat(JsonDocuments.tree(List.of(FULL, FULL)))
        .isEqualTo(JsonDocuments.viaMapper(List.of(FULL, FULL)));
    assertThat(JsonDocuments.tree(mixed)).isEqualTo(JsonDocuments.viaMapper(mixed));
    assertThat(JsonDocuments.tree(List.of())).isEqualTo(JsonDocuments.viaMapper(List.of()));
  }
}
