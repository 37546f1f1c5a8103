package dev.market.server.domain;

/** One row of contract_status_history. {@code oldStatus} is null for the creating row. */
public record HistoryRow(
    long id, String oldStatus, String newStatus, String changedBy, long changedAtNs, String memo) {}
