package dev.market.server.store.jdbc;

import static dev.market.server.store.jdbc.NamedSql.sql;

import dev.market.protocol.model.ContractStatus;
import dev.market.server.domain.money.Term;
import dev.market.server.domain.money.TermRepository;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** The rental_terms table and the money columns of contracts. */
final class JdbcTerms implements TermRepository {
  private final Connection c;

  JdbcTerms(Connection c) {
    this.c = c;
  }

  @Override
  public void insert(Term t, long atNs) {
    sql("INSERT INTO rental_terms (contract_id, auto_renew, term_hours, period_start_ns, renewals,"
            + " updated_at_ns) VALUES (:id, :auto_renew, :term_hours, :start, :renewals, :at)")
        .bind("id", t.contractId())
        .bind("auto_renew", t.autoRenew())
        .bind("term_hours", t.termHours())
        .bind("start", t.periodStartNs())
        .bind("renewals", t.renewals())
        .bind("at", atNs)
        .update(c);
  }

  @Override
  public long offeringDbId(String contractId) {
    return sql("SELECT offering_db_id FROM contracts WHERE contract_id = :id")
        .bind("id", contractId)
        .one(c, rs -> rs.getLong(1))
        .orElseThrow();
  }

  @Override
  public Optional<Term> find(String contractId) {
    return sql("SELECT contract_id, auto_renew, term_hours, period_start_ns, renewals"
            + " FROM rental_terms WHERE contract_id = :id")
        .bind("id", contractId)
        .one(
            c,
            rs ->
                new Term(
                    rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)));
  }

  @Override
  public void setAutoRenew(String contractId, boolean on, long atNs) {
    sql("UPDATE rental_terms SET auto_renew = :on, updated_at_ns = :at WHERE contract_id = :id")
        .bind("on", on)
        .bind("at", atNs)
        .bind("id", contractId)
        .update(c);
  }

  @Override
  public void renewed(String contractId, long periodStartNs, long atNs) {
    sql("UPDATE rental_terms SET period_start_ns = :start, renewals = renewals + 1,"
            + " updated_at_ns = :at WHERE contract_id = :id")
        .bind("start", periodStartNs)
        .bind("at", atNs)
        .bind("id", contractId)
        .update(c);
  }

  @Override
  public boolean lengthen(
      String contractId,
      ContractStatus status,
      long endNs,
      long hours,
      long newEndNs,
      long priceE9s,
      long atNs) {
    return sql("UPDATE contracts SET end_timestamp_ns = :new_end,"
                + " duration_hours = duration_hours + :hours,"
                + " payment_amount_e9s = payment_amount_e9s + :price"
                + " WHERE contract_id = :id AND status = :status AND end_timestamp_ns = :end")
            .bind("new_end", newEndNs)
            .bind("hours", hours)
            .bind("price", priceE9s)
            .bind("id", contractId)
            .bind("status", status.wire())
            .bind("end", endNs)
            .update(c)
        == 1;
  }

  @Override
  public List<String> unchangedSince(List<ContractStatus> statuses, long beforeNs, int limit) {
    return sql("SELECT contract_id FROM contracts WHERE status IN (:statuses)"
            + " AND status_updated_at_ns < :before ORDER BY status_updated_at_ns LIMIT :limit")
        .bind("statuses", statuses.stream().map(ContractStatus::wire).toList())
        .bind("before", beforeNs)
        .bind("limit", limit)
        .list(c, rs -> rs.getString(1));
  }
}
