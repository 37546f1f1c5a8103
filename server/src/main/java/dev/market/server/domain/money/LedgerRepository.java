package dev.market.server.domain.money;

import java.util.List;

/** The ledger of one transaction: balances and the entries that produced them. */
public interface LedgerRepository {

  /** The balance of an account; 0 for one that never saw money. */
  long balance(String account);

  /**
   * Posts one entry. The debit is conditional: when {@code from} does not cover the amount nothing
   * is written and the answer is false.
   */
  boolean post(Posting posting);

  /** Entries touching {@code account}, newest first. */
  List<WalletLine> recent(String account, int limit);

  /** The figures the reconciliation compares. */
  LedgerCheck check();
}
