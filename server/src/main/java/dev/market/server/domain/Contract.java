package dev.market.server.domain;

import static java.util.Objects.requireNonNull;

import dev.market.protocol.model.ContractStatus;

/**
 * A rental contract as the domain sees it: every stored column, the status as stored. The HTTP
 * layer maps it to the wire record {@code dev.market.protocol.model.Contract}; {@code
 * instanceDetails} is the provider's details without the secret, null until provisioned. {@code
 * statusReason} and {@code providerMemo} are read from the status history (never written here): the
 * memo of the latest change, and the one the provider gave when accepting or rejecting; {@code
 * money} is read from the ledger with it (null on a contract not read from the store).
 */
public record Contract(
    String contractId,
    String requesterPubkey,
    String requesterSshPubkey,
    String requesterContact,
    String providerPubkey,
    long offeringDbId,
    String offeringId,
    String offeringName,
    long paymentAmountE9s,
    String currency,
    String paymentMethod,
    String paymentStatus,
    long startTimestampNs,
    long endTimestampNs,
    long durationHours,
    String requestMemo,
    String operatingSystem,
    String buyerAddress,
    long createdAtNs,
    String status,
    long statusUpdatedAtNs,
    String instanceDetails,
    Long provisionedAtNs,
    String statusReason,
    String providerMemo,
    ContractMoney money) {
  /** The typed status; {@link ContractStatus#UNKNOWN} for a string this server does not know. */
  public ContractStatus statusValue() {
    return ContractStatus.parse(status);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this one's values, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    Builder.copy(this, b);
    return b;
  }

  /** Names every value: records this wide are unreadable and fragile with positional arguments. */
  public static final class Builder {
    private String contractId;
    private String requesterPubkey;
    private String requesterSshPubkey;
    private String requesterContact;
    private String providerPubkey;
    private Long offeringDbId;
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
    private String operatingSystem;
    private String buyerAddress;
    private Long createdAtNs;
    private String status;
    private Long statusUpdatedAtNs;
    private String instanceDetails;
    private Long provisionedAtNs;
    private String statusReason;
    private String providerMemo;
    private ContractMoney money;

    private Builder() {}

    private static void copy(Contract from, Builder b) {
      b.contractId = from.contractId();
      b.requesterPubkey = from.requesterPubkey();
      b.requesterSshPubkey = from.requesterSshPubkey();
      b.requesterContact = from.requesterContact();
      b.providerPubkey = from.providerPubkey();
      b.offeringDbId = from.offeringDbId();
      b.offeringId = from.offeringId();
      b.offeringName = from.offeringName();
      b.paymentAmountE9s = from.paymentAmountE9s();
      b.currency = from.currency();
      b.paymentMethod = from.paymentMethod();
      b.paymentStatus = from.paymentStatus();
      b.startTimestampNs = from.startTimestampNs();
      b.endTimestampNs = from.endTimestampNs();
      b.durationHours = from.durationHours();
      b.requestMemo = from.requestMemo();
      b.operatingSystem = from.operatingSystem();
      b.buyerAddress = from.buyerAddress();
      b.createdAtNs = from.createdAtNs();
      b.status = from.status();
      b.statusUpdatedAtNs = from.statusUpdatedAtNs();
      b.instanceDetails = from.instanceDetails();
      b.provisionedAtNs = from.provisionedAtNs();
      b.statusReason = from.statusReason();
      b.providerMemo = from.providerMemo();
      b.money = from.money();
    }

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

    public Builder offeringDbId(Long offeringDbId) {
      this.offeringDbId = offeringDbId;
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

    public Builder operatingSystem(String operatingSystem) {
      this.operatingSystem = operatingSystem;
      return this;
    }

    public Builder buyerAddress(String buyerAddress) {
      this.buyerAddress = buyerAddress;
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

    public Builder instanceDetails(String instanceDetails) {
      this.instanceDetails = instanceDetails;
      return this;
    }

    public Builder provisionedAtNs(Long provisionedAtNs) {
      this.provisionedAtNs = provisionedAtNs;
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

    public Builder money(ContractMoney money) {
      this.money = money;
      return this;
    }

    public Contract build() {
      requireNonNull(offeringDbId, "offeringDbId");
      requireNonNull(paymentAmountE9s, "paymentAmountE9s");
      requireNonNull(startTimestampNs, "startTimestampNs");
      requireNonNull(endTimestampNs, "endTimestampNs");
      requireNonNull(durationHours, "durationHours");
      requireNonNull(createdAtNs, "createdAtNs");
      requireNonNull(statusUpdatedAtNs, "statusUpdatedAtNs");
      return new Contract(
          contractId,
          requesterPubkey,
          requesterSshPubkey,
          requesterContact,
          providerPubkey,
          offeringDbId,
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
          operatingSystem,
          buyerAddress,
          createdAtNs,
          status,
          statusUpdatedAtNs,
          instanceDetails,
          provisionedAtNs,
          statusReason,
          providerMemo,
          money);
    }
  }
}
