package dev.market.server.domain.money;

/**
 * What a rental pays for: the current paid period starts at {@code periodStartNs} and ends at the
 * contract's end; an auto-renewal buys {@code termHours} more.
 */
public record Term(
    String contractId, boolean autoRenew, long termHours, long periodStartNs, int renewals) {}
