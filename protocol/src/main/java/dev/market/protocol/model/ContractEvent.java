package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.market.protocol.text.Secrets;

/**
 * One entry of a contract's history (docs/protocol.md section 5), camelCase on the wire.
 *
 * @param eventType {@code status_change}, {@code provisioned}, ...
 * @param actor {@code tenant}, {@code provider} or {@code system}
 * @param createdAt Unix nanoseconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContractEvent(
    Long id,
    String contractId,
    String eventType,
    String oldStatus,
    String newStatus,
    String actor,
    String details,
    Long createdAt) {
  /** Details are a provider's free text: no password in them is ever shown. */
  public ContractEvent {
    details = Secrets.redact(details);
  }

  /** A builder naming every value; absent ones stay null and are omitted on the wire. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContractEvent} value by value. */
  public static final class Builder {
    private Long id;
    private String contractId;
    private String eventType;
    private String oldStatus;
    private String newStatus;
    private String actor;
    private String details;
    private Long createdAt;

    private Builder() {}

    public Builder id(Long id) {
      this.id = id;
      return this;
    }

    public Builder contractId(String contractId) {
      this.contractId = contractId;
      return this;
    }

    public Builder eventType(String eventType) {
      this.eventType = eventType;
      return this;
    }

    public Builder oldStatus(String oldStatus) {
      this.oldStatus = oldStatus;
      return this;
    }

    public Builder newStatus(String newStatus) {
      this.newStatus = newStatus;
      return this;
    }

    public Builder actor(String actor) {
      this.actor = actor;
      return this;
    }

    public Builder details(String details) {
      this.details = details;
      return this;
    }

    public Builder createdAt(Long createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public ContractEvent build() {
      return new ContractEvent(
          id, contractId, eventType, oldStatus, newStatus, actor, details, createdAt);
    }
  }
}
