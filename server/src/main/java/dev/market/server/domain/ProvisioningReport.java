package dev.market.server.domain;

import dev.market.protocol.model.ContractStatus;

/**
 * A provider's step (endpoint 11) with its details already split: {@code details} is what may be
 * stored and shown (for {@code provisioned}: the instance details JSON without root_password; for a
 * failure or cancellation: the reason), {@code rootPassword} is the secret or null.
 */
public record ProvisioningReport(ContractStatus status, String details, String rootPassword) {
  @Override
  public String toString() {
    return "ProvisioningReport[status=%s, details=%s, rootPassword=%s]"
        .formatted(status, details, rootPassword == null ? null : "***");
  }
}
