package dev.market.server.domain;

/**
 * One entry of a contract's event log; {@code id} is 0 until stored, {@code actor} an {@link Actor}
 * wire name.
 */
public record ContractEventRow(
    long id,
    String contractId,
    String eventType,
    String oldStatus,
    String newStatus,
    String actor,
    String details,
    long createdAtNs) {}
