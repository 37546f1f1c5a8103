package dev.market.server.domain;

/**
 * Where a rental's money is, read with the contract from the ledger (docs/protocol.md section 5):
 * what its escrow holds now, what went back to the renter and what was paid to the provider so far,
 * and whether it renews at its end.
 */
public record ContractMoney(boolean autoRenew, long escrowE9s, long refundedE9s, long paidOutE9s) {}
