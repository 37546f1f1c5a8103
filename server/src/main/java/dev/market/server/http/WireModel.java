package dev.market.server.http;

import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.UserNotification;
import dev.market.server.domain.Contract;
import dev.market.server.domain.ContractEventRow;
import dev.market.server.domain.Notification;
import dev.market.server.domain.Offering;
import java.util.List;

/**
 * Domain entities to wire records (docs/protocol.md section 5) and back. The wire shape is fixed by
 * the protocol; the domain keeps what it needs (e9s prices, derived sizes, the offering's numeric
 * id on a contract) and this is the only place the two meet.
 */
public final class WireModel {
  private WireModel() {}

  static dev.market.protocol.model.Offering toWire(Offering o) {
    return dev.market.protocol.model.Offering.builder()
        .id(o.id())
        .pubkey(o.pubkey())
        .offeringId(o.offeringId())
        .offerName(o.offerName())
        .description(o.description())
        .productType(o.productType())
        .currency(o.currency())
        .monthlyPrice(o.monthlyPrice())
        .setupFee(o.setupFee())
        .visibility(o.visibility())
        .stockStatus(o.stockStatus())
        .processorBrand(o.processorBrand())
        .processorCores(o.processorCores())
        .processorName(o.processorName())
        .memoryAmount(o.memoryAmount())
        .totalSsdCapacity(o.totalSsdCapacity())
        .totalHddCapacity(o.totalHddCapacity())
        .uplinkSpeed(o.uplinkSpeed())
        .unmeteredBandwidth(o.unmeteredBandwidth())
        .datacenterCountry(o.datacenterCountry())
        .datacenterCity(o.datacenterCity())
        .gpuName(o.gpuName())
        .gpuCount(o.gpuCount())
        .gpuMemoryGb(o.gpuMemoryGb())
        .minContractHours(o.minContractHours())
        .maxContractHours(o.maxContractHours())
        .operatingSystems(o.operatingSystems())
        .billingInterval(o.billingInterval())
        .billingUnit(o.billingUnit())
        .isSubscription(o.subscription())
        .isDraft(o.draft())
        .providerRating(o.providerRating() == null ? null : o.providerRating().average())
        .providerRatingCount(o.providerRating() == null ? 0L : o.providerRating().count())
        .build();
  }

  /** A provider's offering as sent, not yet validated (the domain does that). */
  public static Offering toDomain(dev.market.protocol.model.Offering o) {
    return Offering.builder()
        .id(o.id())
        .pubkey(o.pubkey())
        .offeringId(o.offeringId())
        .offerName(o.offerName())
        .description(o.description())
        .productType(o.productType())
        .currency(o.currency())
        .monthlyPrice(o.monthlyPrice())
        .setupFee(o.setupFee())
        .visibility(o.visibility())
        .stockStatus(o.stockStatus())
        .processorBrand(o.processorBrand())
        .processorCores(o.processorCores())
        .processorName(o.processorName())
        .memoryAmount(o.memoryAmount())
        .totalSsdCapacity(o.totalSsdCapacity())
        .totalHddCapacity(o.totalHddCapacity())
        .uplinkSpeed(o.uplinkSpeed())
        .unmeteredBandwidth(o.unmeteredBandwidth())
        .datacenterCountry(o.datacenterCountry())
        .datacenterCity(o.datacenterCity())
        .gpuName(o.gpuName())
        .gpuCount(o.gpuCount())
        .gpuMemoryGb(o.gpuMemoryGb())
        .minContractHours(o.minContractHours())
        .maxContractHours(o.maxContractHours())
        .operatingSystems(o.operatingSystems())
        .billingInterval(o.billingInterval())
        .billingUnit(o.billingUnit())
        .subscription(o.isSubscription())
        .draft(Boolean.TRUE.equals(o.isDraft()))
        .build();
  }

  static List<dev.market.protocol.model.Offering> offerings(List<Offering> offerings) {
    return offerings.stream().map(WireModel::toWire).toList();
  }

  static dev.market.protocol.model.Contract toWire(Contract c) {
    return dev.market.protocol.model.Contract.builder()
        .contractId(c.contractId())
        .requesterPubkey(c.requesterPubkey())
        .requesterSshPubkey(c.requesterSshPubkey())
        .requesterContact(c.requesterContact())
        .providerPubkey(c.providerPubkey())
        .offeringId(c.offeringId())
        .offeringName(c.offeringName())
        .paymentAmountE9s(c.paymentAmountE9s())
        .currency(c.currency())
        .paymentMethod(c.paymentMethod())
        .paymentStatus(c.paymentStatus())
        .startTimestampNs(c.startTimestampNs())
        .endTimestampNs(c.endTimestampNs())
        .durationHours(c.durationHours())
        .requestMemo(c.requestMemo())
        .createdAtNs(c.createdAtNs())
        .status(c.status())
        .statusUpdatedAtNs(c.statusUpdatedAtNs())
        .provisioningInstanceDetails(c.instanceDetails())
        .provisioningCompletedAtNs(c.provisionedAtNs())
        .operatingSystem(c.operatingSystem())
        .statusReason(blankToNull(c.statusReason()))
        .providerMemo(blankToNull(c.providerMemo()))
        .autoRenew(c.money() == null ? null : c.money().autoRenew())
        .escrowE9s(c.money() == null ? null : c.money().escrowE9s())
        .refundAmountE9s(c.money() == null ? null : c.money().refundedE9s())
        .paidOutE9s(c.money() == null ? null : c.money().paidOutE9s())
        .build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static List<dev.market.protocol.model.Contract> contracts(List<Contract> contracts) {
    return contracts.stream().map(WireModel::toWire).toList();
  }

  static ContractEvent toWire(ContractEventRow e) {
    return ContractEvent.builder()
        .id(e.id())
        .contractId(e.contractId())
        .eventType(e.eventType())
        .oldStatus(e.oldStatus())
        .newStatus(e.newStatus())
        .actor(e.actor())
        .details(e.details())
        .createdAt(e.createdAtNs())
        .build();
  }

  /**
   * An account in Decent Cloud's {@code AccountWithKeys} shape; {@code withEmail} only when the
   * request was signed by the account's own key (Decent Cloud shows the address to anyone).
   */
  static dev.market.protocol.model.Account toWire(
      dev.market.server.domain.Account a, boolean withEmail) {
    return new dev.market.protocol.model.Account(
        a.id(),
        a.username(),
        a.createdAtNs(),
        a.updatedAtNs(),
        List.of(
            new dev.market.protocol.model.Account.AccountKey(
                a.keyId(), a.pubkey(), a.createdAtNs(), true)),
        false,
        a.emailVerified(),
        withEmail ? a.email() : null);
  }

  static UserNotification toWire(Notification n) {
    return UserNotification.builder()
        .id(n.id())
        .notificationType(n.type())
        .title(n.title())
        .body(n.body())
        .contractId(n.contractId())
        .readAt(n.readAt())
        .createdAt(n.createdAt())
        .build();
  }
}
