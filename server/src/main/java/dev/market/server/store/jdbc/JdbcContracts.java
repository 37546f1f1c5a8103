package dev.market.server.store.jdbc;

import static dev.market.server.store.jdbc.NamedSql.longOrNull;
import static dev.market.server.store.jdbc.NamedSql.sql;

import dev.market.protocol.model.ContractStatus;
import dev.market.server.domain.Contract;
import dev.market.server.domain.ContractEventRow;
import dev.market.server.domain.ContractMoney;
import dev.market.server.domain.ContractRepository;
import dev.market.server.domain.HistoryRow;
import dev.market.server.domain.money.EntryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** contracts with contract_status_history, contract_events, _provisioning and _credentials. */
final class JdbcContracts implements ContractRepository {
  private static final String SELECT =
      "SELECT c.contract_id, c.requester_pubkey, c.requester_ssh_pubkey, c.requester_contact,"
          + " c.provider_pubkey, c.offering_db_id, c.offering_id, c.offering_name,"
          + " c.payment_amount_e9s, c.currency, c.payment_method, c.payment_status,"
          + " c.start_timestamp_ns, c.end_timestamp_ns, c.duration_hours, c.request_memo,"
          + " c.operating_system, c.buyer_address, c.created_at_ns, c.status,"
          + " c.status_updated_at_ns, p.instance_details, p.provisioned_at_ns, t.auto_renew,"
          // the reasons live in the status history (protocol section 5): the latest change's memo,
          // and the memo of the provider's answer
          + " (SELECT h.memo FROM contract_status_history h WHERE h.contract_id = c.contract_id"
          + " ORDER BY h.id DESC LIMIT 1) AS status_reason,"
          + " (SELECT h.memo FROM contract_status_history h WHERE h.contract_id = c.contract_id"
          + " AND h.changed_by = c.provider_pubkey AND h.new_status IN ('accepted', 'rejected')"
          + " ORDER BY h.id DESC LIMIT 1) AS provider_memo,"
          // where the money is, by index lookups per contract (ledger_accounts' key,
          // ledger_entries_contract_idx): one statement for a whole list, no query per row
          + " (SELECT a.balance_e9s FROM ledger_accounts a"
          + " WHERE a.account = 'escrow:' || c.contract_id) AS escrow_e9s,"
          + " (SELECT SUM(e.amount_e9s) FROM ledger_entries e WHERE e.contract_id = c.contract_id"
          + " AND e.entry_type = '"
          + EntryType.REFUND.wire()
          + "') AS refunded_e9s,"
          + " (SELECT SUM(e.amount_e9s) FROM ledger_entries e WHERE e.contract_id = c.contract_id"
          + " AND e.entry_type = '"
          + EntryType.PAYOUT.wire()
          + "') AS paid_out_e9s"
          + " FROM contracts c LEFT JOIN contract_provisioning p ON p.contract_id = c.contract_id"
          + " LEFT JOIN rental_terms t ON t.contract_id = c.contract_id";
  private static final String NEWEST_FIRST = " ORDER BY c.created_at_ns DESC, c.contract_id DESC";

  private final Connection c;

  JdbcContracts(Connection c) {
    this.c = c;
  }

  private static Contract row(ResultSet rs) throws SQLException {
    return Contract.builder()
        .contractId(rs.getString("contract_id"))
        .requesterPubkey(rs.getString("requester_pubkey"))
        .requesterSshPubkey(rs.getString("requester_ssh_pubkey"))
        .requesterContact(rs.getString("requester_contact"))
        .providerPubkey(rs.getString("provider_pubkey"))
        .offeringDbId(rs.getLong("offering_db_id"))
        .offeringId(rs.getString("offering_id"))
        .offeringName(rs.getString("offering_name"))
        .paymentAmountE9s(rs.getLong("payment_amount_e9s"))
        .currency(rs.getString("currency"))
        .paymentMethod(rs.getString("payment_method"))
        .paymentStatus(rs.getString("payment_status"))
        .startTimestampNs(rs.getLong("start_timestamp_ns"))
        .endTimestampNs(rs.getLong("end_timestamp_ns"))
        .durationHours(rs.getLong("duration_hours"))
        .requestMemo(rs.getString("request_memo"))
        .operatingSystem(rs.getString("operating_system"))
        .buyerAddress(rs.getString("buyer_address"))
        .createdAtNs(rs.getLong("created_at_ns"))
        .status(rs.getString("status"))
        .statusUpdatedAtNs(rs.getLong("status_updated_at_ns"))
        .instanceDetails(rs.getString("instance_details"))
        .provisionedAtNs(longOrNull(rs, "provisioned_at_ns"))
        .statusReason(rs.getString("status_reason"))
        .providerMemo(rs.getString("provider_memo"))
        .money(
            new ContractMoney(
                rs.getBoolean("auto_renew"),
                zeroIfNull(rs, "escrow_e9s"),
                zeroIfNull(rs, "refunded_e9s"),
                zeroIfNull(rs, "paid_out_e9s")))
        .build();
  }

  private static long zeroIfNull(ResultSet rs, String column) throws SQLException {
    Long v = longOrNull(rs, column);
    return v == null ? 0 : v;
  }

  @Override
  public void insert(Contract n) {
    sql("INSERT INTO contracts (contract_id, requester_pubkey, requester_ssh_pubkey,"
            + " requester_contact, provider_pubkey, offering_db_id, offering_id, offering_name,"
            + " payment_amount_e9s, currency, payment_method, payment_status, start_timestamp_ns,"
            + " end_timestamp_ns, duration_hours, request_memo, operating_system, buyer_address,"
            + " created_at_ns, status, status_updated_at_ns)"
            + " VALUES (:contract_id, :requester_pubkey, :requester_ssh_pubkey,"
            + " :requester_contact, :provider_pubkey, :offering_db_id, :offering_id,"
            + " :offering_name, :payment_amount_e9s, :currency, :payment_method, :payment_status,"
            + " :start_timestamp_ns, :end_timestamp_ns, :duration_hours, :request_memo,"
            + " :operating_system, :buyer_address, :created_at_ns, :status,"
            + " :status_updated_at_ns)")
        .bind("contract_id", n.contractId())
        .bind("requester_pubkey", n.requesterPubkey())
        .bind("requester_ssh_pubkey", n.requesterSshPubkey())
        .bind("requester_contact", n.requesterContact())
        .bind("provider_pubkey", n.providerPubkey())
        .bind("offering_db_id", n.offeringDbId())
        .bind("offering_id", n.offeringId())
        .bind("offering_name", n.offeringName())
        .bind("payment_amount_e9s", n.paymentAmountE9s())
        .bind("currency", n.currency())
        .bind("payment_method", n.paymentMethod())
        .bind("payment_status", n.paymentStatus())
        .bind("start_timestamp_ns", n.startTimestampNs())
        .bind("end_timestamp_ns", n.endTimestampNs())
        .bind("duration_hours", n.durationHours())
        .bind("request_memo", n.requestMemo())
        .bind("operating_system", n.operatingSystem())
        .bind("buyer_address", n.buyerAddress())
        .bind("created_at_ns", n.createdAtNs())
        .bind("status", n.status())
        .bind("status_updated_at_ns", n.statusUpdatedAtNs())
        .update(c);
  }

  @Override
  public Optional<Contract> byId(String contractId) {
    return sql(SELECT + " WHERE c.contract_id = :id")
        .bind("id", contractId)
        .one(c, JdbcContracts::row);
  }

  @Override
  public List<Contract> ofRenter(String pubkey) {
    return sql(SELECT + " WHERE c.requester_pubkey = :pubkey" + NEWEST_FIRST)
        .bind("pubkey", pubkey)
        .list(c, JdbcContracts::row);
  }

  @Override
  public List<Contract> ofProvider(String pubkey, List<ContractStatus> onlyStatuses) {
    String where = " WHERE c.provider_pubkey = :pubkey";
    if (!onlyStatuses.isEmpty()) {
      where += " AND c.status IN (:statuses)";
    }
    return sql(SELECT + where + NEWEST_FIRST)
        .bind("pubkey", pubkey)
        .bind("statuses", onlyStatuses.stream().map(ContractStatus::wire).toList())
        .list(c, JdbcContracts::row);
  }

  @Override
  public List<String> expiredActive(long nowNs, int limit) {
    return sql("SELECT contract_id FROM contracts WHERE status = :active"
            + " AND end_timestamp_ns <= :now ORDER BY end_timestamp_ns LIMIT :limit")
        .bind("active", ContractStatus.ACTIVE.wire())
        .bind("now", nowNs)
        .bind("limit", limit)
        .list(c, rs -> rs.getString(1));
  }

  @Override
  public boolean updateStatus(
      String contractId, ContractStatus from, ContractStatus to, long nowNs) {
    return sql("UPDATE contracts SET status = :to, status_updated_at_ns = :now"
                + " WHERE contract_id = :id AND status = :from")
            .bind("to", to.wire())
            .bind("now", nowNs)
            .bind("id", contractId)
            .bind("from", from.wire())
            .update(c)
        == 1;
  }

  private static final String INSERT_HISTORY =
      "INSERT INTO contract_status_history"
          + " (contract_id, old_status, new_status, changed_by, changed_at_ns, memo)"
          + " VALUES (:contract_id, :old_status, :new_status, :changed_by, :changed_at_ns, :memo)";

  private static NamedSql history(String contractId, HistoryRow h) {
    return sql(INSERT_HISTORY)
        .bind("contract_id", contractId)
        .bind("old_status", h.oldStatus())
        .bind("new_status", h.newStatus())
        .bind("changed_by", h.changedBy())
        .bind("changed_at_ns", h.changedAtNs())
        .bind("memo", h.memo());
  }

  @Override
  public void insertHistory(String contractId, HistoryRow h) {
    history(contractId, h).update(c);
  }

  @Override
  public void insertHistory(String contractId, List<HistoryRow> rows) {
    NamedSql.batch(c, rows.stream().map(h -> history(contractId, h)).toList());
  }

  @Override
  public List<HistoryRow> history(String contractId) {
    return sql("SELECT id, old_status, new_status, changed_by, changed_at_ns, memo"
            + " FROM contract_status_history WHERE contract_id = :id ORDER BY id")
        .bind("id", contractId)
        .list(
            c,
            rs ->
                new HistoryRow(
                    rs.getLong("id"),
                    rs.getString("old_status"),
                    rs.getString("new_status"),
                    rs.getString("changed_by"),
                    rs.getLong("changed_at_ns"),
                    rs.getString("memo")));
  }

  private static final String INSERT_EVENT =
      "INSERT INTO contract_events"
          + " (contract_id, event_type, old_status, new_status, actor, details, created_at_ns)"
          + " VALUES (:contract_id, :event_type, :old_status, :new_status, :actor, :details,"
          + " :created_at_ns)";

  private static NamedSql event(ContractEventRow e) {
    return sql(INSERT_EVENT)
        .bind("contract_id", e.contractId())
        .bind("event_type", e.eventType())
        .bind("old_status", e.oldStatus())
        .bind("new_status", e.newStatus())
        .bind("actor", e.actor())
        .bind("details", e.details())
        .bind("created_at_ns", e.createdAtNs());
  }

  @Override
  public void insertEvent(ContractEventRow e) {
    event(e).update(c);
  }

  @Override
  public void insertEvents(List<ContractEventRow> events) {
    NamedSql.batch(c, events.stream().map(JdbcContracts::event).toList());
  }

  @Override
  public List<ContractEventRow> events(String contractId) {
    return sql("SELECT id, contract_id, event_type, old_status, new_status, actor, details,"
            + " created_at_ns FROM contract_events WHERE contract_id = :id ORDER BY id")
        .bind("id", contractId)
        .list(
            c,
            rs ->
                new ContractEventRow(
                    rs.getLong("id"),
                    rs.getString("contract_id"),
                    rs.getString("event_type"),
                    rs.getString("old_status"),
                    rs.getString("new_status"),
                    rs.getString("actor"),
                    rs.getString("details"),
                    rs.getLong("created_at_ns")));
  }

  @Override
  public void saveProvisioning(String contractId, String detailsWithoutSecret, long atNs) {
    sql("INSERT INTO contract_provisioning (contract_id, instance_details, provisioned_at_ns)"
            + " VALUES (:id, :details, :at)")
        .bind("id", contractId)
        .bind("details", detailsWithoutSecret)
        .bind("at", atNs)
        .update(c);
  }

  @Override
  public void saveCredentials(String contractId, String sealedJson, long atNs) {
    sql("INSERT INTO contract_credentials (contract_id, encrypted_json, created_at_ns)"
            + " VALUES (:id, :sealed, :at)")
        .bind("id", contractId)
        .bind("sealed", sealedJson)
        .bind("at", atNs)
        .update(c);
  }

  @Override
  public Optional<String> credentials(String contractId) {
    return sql("SELECT encrypted_json FROM contract_credentials WHERE contract_id = :id")
        .bind("id", contractId)
        .one(c, rs -> rs.getString(1));
  }
}
