package dev.market.server.domain.money;

/** One ledger entry as seen from one account: signed amount and that account's balance after. */
public record WalletLine(
    long id,
    long amountE9s,
    long balanceAfterE9s,
    String entryType,
    String reference,
    long createdAtNs) {}
