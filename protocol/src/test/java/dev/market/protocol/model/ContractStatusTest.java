package dev.market.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every status Decent Cloud sends (common/src/contract_status.rs:163-184 at 13dda9de). */
class ContractStatusTest {
  @ParameterizedTest
  @CsvSource({
    "requested, REQUESTED, false",
    "PENDING, PENDING, false",
    "Accepted, ACCEPTED, false",
    "provisioning, PROVISIONING, false",
    "provisioned, PROVISIONED, false",
    "active, ACTIVE, false",
    "Paused, PAUSED, false",
    "rejected, REJECTED, true",
    "cancelled, CANCELLED, true",
    "CANCELED, CANCELLED, true",
    "expired, EXPIRED, true",
    "provisioningfailed, PROVISIONING_FAILED, true",
    "Provisioning_Failed, PROVISIONING_FAILED, true",
    "completed, COMPLETED, true",
    "hibernating, UNKNOWN, false"
  })
  void parses_case_insensitively_with_both_spellings(
      String wire, ContractStatus expected, boolean terminal) {
    assertThat(ContractStatus.parse(wire)).isEqualTo(expected);
    assertThat(ContractStatus.parse(wire).isTerminal()).isEqualTo(terminal);
  }

  @org.junit.jupiter.api.Test
  void paused_is_waited_through_and_expired_is_final() {
    assertThat(ContractStatus.PAUSED.isTerminal()).isFalse();
    assertThat(ContractStatus.EXPIRED.isTerminal()).isTrue();
    assertThat(ContractStatus.EXPIRED.canReach(ContractStatus.ACTIVE)).isFalse();
  }
}
