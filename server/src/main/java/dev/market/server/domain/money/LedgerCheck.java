package dev.market.server.domain.money;

import java.util.List;

/**
 * What the reconciliation found: the invariant is that every account's stored balance equals the
 * sum of its entries, no balance is negative, the balances add up to deposits minus withdrawals,
 * and no ended rental still holds escrow.
 *
 * @param mismatches one line per broken rule, empty when the ledger is consistent
 */
public record LedgerCheck(
    long accounts,
    long entries,
    long balancesE9s,
    long depositsE9s,
    long withdrawalsE9s,
    long escrowE9s,
    List<String> mismatches) {

  public boolean ok() {
    return mismatches.isEmpty();
  }
}
