package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.market.protocol.text.Secrets;

/**
 * A rental contract (docs/protocol.md section 5). Snake case on the wire; times are Unix
 * nanoseconds.
 *
 * @param contractId 64 hex characters
 * @param offeringId the provider's string id of the offering, not its numeric id
 * @param status the raw status; use {@link #statusValue()} for the typed one
 * @param statusReason ours: the reason or memo given with the change to the current status (a
 *     rejection's or cancellation's reason), absent when none was given or on Decent Cloud
 * @param providerMemo ours: the memo the provider gave when accepting or rejecting, absent when
 *     none
 * @param autoRenew whether it renews at its end (Decent Cloud's field too)
 * @param escrowE9s what its escrow holds now (our server only)
 * @param refundAmountE9s what went back to the renter so far (Decent Cloud's name; it sends it only
 *     after a refund)
 * @param paidOutE9s what was paid to the provider so far (our server only)
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
    @JsonProperty("operating_system") String operatingSystem,
    @JsonProperty("status_reason") String statusReason,
    @JsonProperty("provider_memo") String providerMemo,
    @JsonProperty("auto_renew") Boolean autoRenew,
    @JsonProperty("escrow_e9s") Long escrowE9s,
    @JsonProperty("refund_amount_e9s") Long refundAmountE9s,
    @JsonProperty("paid_out_e9s") Long paidOutE9s) {

  /**
   * Decent Cloud returns a provider's instance details verbatim, root password included: secrets
   * are dropped here, on the way in, so no view of a contract can show one (see {@link Secrets}).
   */
  public Contract {
    provisioningInstanceDetails = Secrets.redact(provisioningInstanceDetails);
    statusReason = Secrets.redact(statusReason);
    providerMemo = Secrets.redact(providerMemo);
  }

  /** The typed status; {@link ContractStatus#UNKNOWN} for a string this client does not know. */
  public ContractStatus statusValue() {
    return ContractStatus.parse(status);
  }

  /** A builder naming every value; absent ones stay null and are omitted on the wire. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Contract} value by value. */
  public static final class Builder {
    private String contractId;
    private String requesterPubkey;
    private String requesterSshPubkey;
    private String requesterContact;
    private String providerPubkey;
    private String offeringId;
    private String offeringName;
    private Long paymentAmountE9s;
    private String currency;
    private String paymentMethod;
    private String paymentStatus;
    private Long startTimestampNs;
    private Long endTimestampNs;
    private Long durationHours;
    private String requestMemo;
    private Long createdAtNs;
    private String status;
    private Long statusUpdatedAtNs;
    private String provisioningInstanceDetails;
    private Long provisioningCompletedAtNs;
    private String operatingSystem;
    private String statusReason;
    private String providerMemo;
    private Boolean autoRenew;
    private Long escrowE9s;
    private Long refundAmountE9s;
    private Long paidOutE9s;

    private Builder() {}

    public Builder contractId(String contractId) {
      this.contractId = contractId;
      return this;
    }

    public Builder requesterPubkey(String requesterPubkey) {
      this.requesterPubkey = requesterPubkey;
      return this;
    }

    public Builder requesterSshPubkey(String requesterSshPubkey) {
      this.requesterSshPubkey = requesterSshPubkey;
      return this;
    }

    public Builder requesterContact(String requesterContact) {
      this.requesterContact = requesterContact;
      return this;
    }

    public Builder providerPubkey(String providerPubkey) {
      this.providerPubkey = providerPubkey;
      return this;
    }

    public Builder offeringId(String offeringId) {
      this.offeringId = offeringId;
      return this;
    }

    public Builder offeringName(String offeringName) {
      this.offeringName = offeringName;
      return this;
    }

    public Builder paymentAmountE9s(Long paymentAmountE9s) {
      this.paymentAmountE9s = paymentAmountE9s;
      return this;
    }

    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    public Builder paymentMethod(String paymentMethod) {
      this.paymentMethod = paymentMethod;
      return this;
    }

    public Builder paymentStatus(String paymentStatus) {
      this.paymentStatus = paymentStatus;
      return this;
    }

    public Builder startTimestampNs(Long startTimestampNs) {
      this.startTimestampNs = startTimestampNs;
      return this;
    }

    public Builder endTimestampNs(Long endTimestampNs) {
      this.endTimestampNs = endTimestampNs;
      return this;
    }

    public Builder durationHours(Long durationHours) {
      this.durationHours = durationHours;
      return this;
    }

    public Builder requestMemo(String requestMemo) {
      this.requestMemo = requestMemo;
      return this;
    }

    public Builder createdAtNs(Long createdAtNs) {
      this.createdAtNs = createdAtNs;
      return this;
    }

    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public Builder statusUpdatedAtNs(Long statusUpdatedAtNs) {
      this.statusUpdatedAtNs = statusUpdatedAtNs;
      return this;
    }

    public Builder provisioningInstanceDetails(String provisioningInstanceDetails) {
      this.provisioningInstanceDetails = provisioningInstanceDetails;
      return this;
    }

    public Builder provisioningCompletedAtNs(Long provisioningCompletedAtNs) {
      this.provisioningCompletedAtNs = provisioningCompletedAtNs;
      return this;
    }

    public Builder operatingSystem(String operatingSystem) {
      this.operatingSystem = operatingSystem;
      return this;
    }

    public Builder statusReason(String statusReason) {
      this.statusReason = statusReason;
      return this;
    }

    public Builder providerMemo(String providerMemo) {
      this.providerMemo = providerMemo;
      return this;
    }

    public Builder autoRenew(Boolean autoRenew) {
      this.autoRenew = autoRenew;
      return this;
    }

    public Builder escrowE9s(Long escrowE9s) {
      this.escrowE9s = escrowE9s;
      return this;
    }

    public Builder refundAmountE9s(Long refundAmountE9s) {
      this.refundAmountE9s = refundAmountE9s;
      return this;
    }

    public Builder paidOutE9s(Long paidOutE9s) {
      this.paidOutE9s = paidOutE9s;
      return this;
    }

    public Contract build() {
      return new Contract(
          contractId,
          requesterPubkey,
          requesterSshPubkey,
          requesterContact,
          providerPubkey,
          offeringId,
          offeringName,
          paymentAmountE9s,
          currency,
          paymentMethod,
          paymentStatus,
          startTimestampNs,
          endTimestampNs,
          durationHours,
          requestMemo,
          createdAtNs,
          status,
          statusUpdatedAtNs,
          provisioningInstanceDetails,
          provisioningCompletedAtNs,
          operatingSystem,
          statusReason,
          providerMemo,
          autoRenew,
          escrowE9s,
          refundAmountE9s,
          paidOutE9s);
    }
  }
}
