package dev.market.server.domain;

/** A contract as first written, in {@code requested}. */
public record NewContract(
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
    String status) {}
