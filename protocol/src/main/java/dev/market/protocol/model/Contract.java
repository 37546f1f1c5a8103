package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rental contract (docs/protocol.md section 5). Snake case on the wire; times are Unix
 * nanoseconds.
 *
 * @param contractId 64 hex characters
 * @param offeringId the provider's string id of the offering, not its numeric id
 * @param status the raw status; use {@link #statusValue()} for the typed one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contract(
    @JsonProperty("contract_id") String contractId,
    @JsonProperty("requester_pubkey") String requesterPubkey,
    @JsonProperty("requester_ssh_pubkey") String requesterSshPubkey,
    @JsonProperty("requester_contact") String requesterContact,
    @JsonProperty("provider_pubkey") String providerPubkey,
    @JsonProperty("offering_id") String offeringId,
    @JsonProperty("offering_name") String offeringName,
    @JsonProperty("payment_amount_e9s") Long paymentAmountE9s,
    @JsonProperty("currency") String currency,
    @JsonProperty("payment_method") String paymentMethod,
    @JsonProperty("payment_status") String paymentStatus,
    @JsonProperty("start_timestamp_ns") Long startTimestampNs,
    @JsonProperty("end_timestamp_ns") Long endTimestampNs,
    @JsonProperty("duration_hours") Long durationHours,
    @JsonProperty("request_memo") String requestMemo,
    @JsonProperty("created_at_ns") Long createdAtNs,
    @JsonProperty("status") String status,
    @JsonProperty("status_updated_at_ns") Long statusUpdatedAtNs,
    @JsonProperty("provisioning_instance_details") String provisioningInstanceDetails,
    @JsonProperty("provisioning_completed_at_ns") Long provisioningCompletedAtNs,
    @JsonProperty("operating_system") String operatingSystem) {

  /** The typed status; {@link ContractStatus#UNKNOWN} for a string this client does not know. */
  public ContractStatus statusValue() {
    return ContractStatus.parse(status);
  }
}
