package dev.market.server.store.jdbc;

import static dev.market.server.store.jdbc.NamedSql.sql;

import dev.market.protocol.model.ContractStatus;
import dev.market.server.domain.money.LedgerCheck;
import dev.market.server.domain.money.LedgerRepository;
import dev.market.server.domain.money.Posting;
import dev.market.server.domain.money.WalletLine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ledger_accounts and ledger_entries tables. */
final class JdbcLedger implements LedgerRepository {
  private final Connection c;

  JdbcLedger(Connection c) {
    this.c = c;
  }

  @Override
  public long balance(String account) {
    return sql("SELECT balance_e9s FROM ledger_accounts WHERE account = :account")
        .bind("account", account)
        .one(c, rs -> rs.getLong(1))
        .orElse(0L);
  }

  @Override
  public boolean post(Posting p) {
    // The debit comes first and is conditional, so a wallet that does not cover the amount
    // changes nothing. Row locks are taken debit-then-credit; no two postings lock the same pair
    // in opposite orders (wallets never pay wallets, an escrow moves only under its contract's row
    // lock), so concurrent postings cannot deadlock on PostgreSQL.
    // Each side is one statement that also returns the balance after (issue 11: a rent's posting
    // was seven statements, opening both accounts and re-reading both balances).
    Long fromAfter = null;
    Long toAfter = null;
    if (p.from() != null) {
      // an account without a row holds nothing, and amounts are positive: no row, no debit
      Optional<Long> debited =
          sql("UPDATE ledger_accounts SET balance_e9s = balance_e9s - :amount, updated_at_ns = :at"
                  + " WHERE account = :account AND balance_e9s >= :amount RETURNING balance_e9s")
              .bind("amount", p.amountE9s())
              .bind("at", p.atNs())
              .bind("account", p.from())
              .one(c, rs -> rs.getLong(1));
      if (debited.isEmpty()) {
        return false;
      }
      fromAfter = debited.get();
    }
    if (p.to() != null) {
      // opens the account on its first credit
      toAfter =
          sql("INSERT INTO ledger_accounts (account, balance_e9s, updated_at_ns)"
                  + " VALUES (:account, :amount, :at) ON CONFLICT (account) DO UPDATE"
                  + " SET balance_e9s = ledger_accounts.balance_e9s + excluded.balance_e9s,"
                  + " updated_at_ns = excluded.updated_at_ns RETURNING balance_e9s")
              .bind("amount", p.amountE9s())
              .bind("at", p.atNs())
              .bind("account", p.to())
              .one(c, rs -> rs.getLong(1))
              .orElseThrow();
    }
    sql("INSERT INTO ledger_entries (entry_type, from_account, to_account, amount_e9s,"
            + " from_balance_after_e9s, to_balance_after_e9s, contract_id, reference, once_key,"
            + " created_at_ns) VALUES (:type, :from, :to, :amount, :from_after, :to_after,"
            + " :contract_id, :reference, :once_key, :at)")
        .bind("type", p.type().wire())
        .bind("from", p.from())
        .bind("to", p.to())
        .bind("amount", p.amountE9s())
        .bind("from_after", fromAfter)
        .bind("to_after", toAfter)
        .bind("contract_id", p.contractId())
        .bind("reference", p.reference())
        .bind("once_key", p.onceKey())
        .bind("at", p.atNs())
        .update(c);
    return true;
  }

  @Override
  public List<WalletLine> recent(String account, int limit) {
    return sql("SELECT id, entry_type, from_account, amount_e9s, from_balance_after_e9s,"
            + " to_balance_after_e9s, contract_id, reference, created_at_ns FROM ledger_entries"
            + " WHERE from_account = :account OR to_account = :account ORDER BY id DESC"
            + " LIMIT :limit")
        .bind("account", account)
        .bind("limit", limit)
        .list(
            c,
            rs -> {
              boolean out = account.equals(rs.getString("from_account"));
              long amount = rs.getLong("amount_e9s");
              String ref = rs.getString("reference");
              return new WalletLine(
                  rs.getLong("id"),
                  out ? -amount : amount,
                  out ? rs.getLong("from_balance_after_e9s") : rs.getLong("to_balance_after_e9s"),
                  rs.getString("entry_type"),
                  ref != null ? ref : rs.getString("contract_id"),
                  rs.getLong("created_at_ns"));
            });
  }

  @Override
  public LedgerCheck check() {
    snapshot();
    List<String> problems = new ArrayList<>();
    long accounts = count("SELECT COUNT(*) FROM ledger_accounts");
    long entries = count("SELECT COUNT(*) FROM ledger_entries");
    long balances = count("SELECT COALESCE(SUM(balance_e9s), 0) FROM ledger_accounts");
    long deposits =
        count("SELECT COALESCE(SUM(amount_e9s), 0) FROM ledger_entries WHERE from_account IS NULL");
    long withdrawals =
        count("SELECT COALESCE(SUM(amount_e9s), 0) FROM ledger_entries WHERE to_account IS NULL");
    long escrow =
        count(
            "SELECT COALESCE(SUM(balance_e9s), 0) FROM ledger_accounts"
                + " WHERE account LIKE 'escrow:%'");
    if (balances != deposits - withdrawals) {
      problems.add(
          "balances add up to "
              + balances
              + " e9s, but deposits minus withdrawals are "
              + (deposits - withdrawals)
              + " e9s");
    }
    sql("SELECT account, balance_e9s FROM ledger_accounts WHERE balance_e9s < 0")
        .list(c, rs -> rs.getString(1) + " has a negative balance: " + rs.getLong(2) + " e9s")
        .forEach(problems::add);
    sql("SELECT a.account, a.balance_e9s,"
            + " (SELECT COALESCE(SUM(e.amount_e9s), 0) FROM ledger_entries e"
            + "   WHERE e.to_account = a.account)"
            + " - (SELECT COALESCE(SUM(e.amount_e9s), 0) FROM ledger_entries e"
            + "   WHERE e.from_account = a.account) AS derived"
            + " FROM ledger_accounts a")
        .list(c, rs -> new Stored(rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .forEach(
            row -> {
              if (row.stored() != row.derived()) {
                problems.add(
                    row.account()
                        + " stores "
                        + row.stored()
                        + " e9s but its entries add up to "
                        + row.derived()
                        + " e9s");
              }
            });
    sql("SELECT c.contract_id, c.status, a.balance_e9s FROM contracts c"
            + " JOIN ledger_accounts a ON a.account = 'escrow:' || c.contract_id"
            + " WHERE a.balance_e9s <> 0 AND c.status IN (:terminal)")
        .bind(
            "terminal",
            List.of(
                ContractStatus.COMPLETED.wire(),
                ContractStatus.REJECTED.wire(),
                ContractStatus.CANCELLED.wire(),
                ContractStatus.PROVISIONING_FAILED.wire(),
                ContractStatus.EXPIRED.wire()))
        .list(
            c,
            rs ->
                "escrow of "
                    + rs.getString(2)
                    + " contract "
                    + rs.getString(1)
                    + " still holds "
                    + rs.getLong(3)
                    + " e9s")
        .forEach(problems::add);
    return new LedgerCheck(
        accounts, entries, balances, deposits, withdrawals, escrow, List.copyOf(problems));
  }

  /**
   * On PostgreSQL every query of the check must see one snapshot, or a rent committing between two
   * of them would look like a mismatch; SQLite's write transaction already is one.
   */
  private void snapshot() {
    try {
      if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
    } catch (SQLException e) {
      throw JdbcStore.wrap(e);
    }
  }

  private record Stored(String account, long stored, long derived) {}

  private long count(String query) {
    return sql(query).one(c, rs -> rs.getLong(1)).orElse(0L);
  }
}
