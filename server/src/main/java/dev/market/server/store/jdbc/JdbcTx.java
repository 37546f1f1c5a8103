package dev.market.server.store.jdbc;

import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.UserNotification;
import dev.market.server.domain.Actor;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.HistoryRow;
import dev.market.server.domain.IdempotentAnswer;
import dev.market.server.domain.NewContract;
import dev.market.server.domain.OfferingSearch;
import dev.market.server.domain.StoredOffering;
import dev.market.server.domain.Tx;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All SQL of the marketplace, bound to one connection (one transaction). */
final class JdbcTx implements Tx {
  private static final String OFFERING_COLUMNS =
      "id, pubkey, offering_id, offer_name, description, product_type, currency,"
          + " monthly_price_e9s, setup_fee_e9s, visibility, stock_status, processor_brand,"
          + " processor_cores, processor_name, memory_amount, total_ssd_capacity,"
          + " total_hdd_capacity, uplink_speed, unmetered_bandwidth, datacenter_country,"
          + " datacenter_city, gpu_name, gpu_count, gpu_memory_gb, min_contract_hours,"
          + " max_contract_hours, operating_systems, billing_interval, is_draft, memory_gb, ssd_gb,"
          + " hdd_gb, trust_score, created_at_ns";

  private static final String CONTRACT_SELECT =
      "SELECT c.contract_id, c.requester_pubkey, c.requester_ssh_pubkey, c.requester_contact,"
          + " c.provider_pubkey, c.offering_id, c.offering_name, c.payment_amount_e9s, c.currency,"
          + " c.payment_method, c.payment_status, c.start_timestamp_ns, c.end_timestamp_ns,"
          + " c.duration_hours, c.request_memo, c.created_at_ns, c.status,"
          + " c.status_updated_at_ns, p.instance_details, p.provisioned_at_ns, c.operating_system"
          + " FROM contracts c LEFT JOIN contract_provisioning p ON p.contract_id = c.contract_id";

  private final Connection c;
  private final JdbcStore.Dialect dialect;

  JdbcTx(Connection c, JdbcStore.Dialect dialect) {
    this.c = c;
    this.dialect = dialect;
  }

  Connection connection() {
    return c;
  }

  @Override
  public dev.market.server.domain.money.LedgerRepository ledger() {
    return new JdbcLedger(c);
  }

  @Override
  public dev.market.server.domain.money.TermRepository terms() {
    return new JdbcTerms(c);
  }

  @Override
  public dev.market.server.domain.money.ReviewRepository reviews() {
    return new JdbcReviews(c);
  }

  JdbcStore.Dialect dialect() {
    return dialect;
  }

  // ------------------------------------------------------------------ plumbing

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    bind(ps, params);
    return ps;
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (p instanceof String s) {
        ps.setString(i + 1, s);
      } else if (p instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (p instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (p instanceof Boolean b) {
        ps.setBoolean(i + 1, b);
      } else if (p instanceof Double d) {
        ps.setDouble(i + 1, d);
      } else if (p instanceof BigDecimal d) {
        ps.setBigDecimal(i + 1, d);
      } else {
        throw new IllegalArgumentException("unsupported parameter type " + p.getClass());
      }
    }
  }

  int update(String sql, Object... params) {
    try (PreparedStatement ps = prepare(sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw JdbcStore.wrap(e);
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    try (PreparedStatement ps = prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw JdbcStore.wrap(e);
    }
  }

  <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static Long longOrNull(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  private static Boolean boolOrNull(ResultSet rs, String col) throws SQLException {
    boolean v = rs.getBoolean(col);
    return rs.wasNull() ? null : v;
  }

  /** e9s back to a plain decimal (10.5, not 10.500000000 or 1.05E+1). */
  static BigDecimal major(long e9s) {
    BigDecimal d = BigDecimal.valueOf(e9s, 9).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY) : d;
  }

  // ------------------------------------------------------------------ offerings

  private static StoredOffering offeringRow(ResultSet rs) throws SQLException {
    Long fee = longOrNull(rs, "setup_fee_e9s");
    long price = rs.getLong("monthly_price_e9s");
    Offering o =
        new Offering(
            rs.getLong("id"),
            rs.getString("pubkey"),
            rs.getString("offering_id"),
            rs.getString("offer_name"),
            rs.getString("description"),
            rs.getString("product_type"),
            rs.getString("currency"),
            major(price),
            fee == null ? null : major(fee),
            rs.getString("visibility"),
            rs.getString("stock_status"),
            rs.getString("processor_brand"),
            intOrNull(rs, "processor_cores"),
            rs.getString("processor_name"),
            rs.getString("memory_amount"),
            rs.getString("total_ssd_capacity"),
            rs.getString("total_hdd_capacity"),
            rs.getString("uplink_speed"),
            boolOrNull(rs, "unmetered_bandwidth"),
            rs.getString("datacenter_country"),
            rs.getString("datacenter_city"),
            rs.getString("gpu_name"),
            intOrNull(rs, "gpu_count"),
            intOrNull(rs, "gpu_memory_gb"),
            longOrNull(rs, "min_contract_hours"),
            longOrNull(rs, "max_contract_hours"),
            rs.getString("operating_systems"),
            rs.getString("billing_interval"),
            rs.getBoolean("is_draft"));
    return new StoredOffering(
        o,
        price,
        fee,
        longOrNull(rs, "memory_gb"),
        longOrNull(rs, "ssd_gb"),
        longOrNull(rs, "hdd_gb"),
        intOrNull(rs, "trust_score"),
        rs.getLong("created_at_ns"));
  }

  @Override
  public Optional<StoredOffering> offering(long id) {
    return one(
        "SELECT " + OFFERING_COLUMNS + " FROM offerings WHERE id = ?", JdbcTx::offeringRow, id);
  }

  @Override
  public List<Offering> offerings(OfferingSearch s) {
    SqlFragment listing = OfferingSql.listing(OFFERING_COLUMNS, s);
    return query(listing.sql(), rs -> offeringRow(rs).offering(), listing.params().toArray());
  }

  @Override
  public List<Offering> providerOfferings(String pubkey) {
    return query(
        "SELECT "
            + OFFERING_COLUMNS
            + " FROM offerings WHERE pubkey = ? ORDER BY "
            + OfferingSql.ORDER_BY,
        rs -> offeringRow(rs).offering(),
        pubkey);
  }

  @Override
  public Optional<Long> insertOffering(StoredOffering s) {
    Offering o = s.offering();
    return one(
        "INSERT INTO offerings (pubkey, offering_id, offer_name, description, product_type,"
            + " currency, monthly_price_e9s, setup_fee_e9s, visibility, stock_status,"
            + " processor_brand, processor_cores, processor_name, memory_amount, memory_gb,"
            + " total_ssd_capacity, ssd_gb, total_hdd_capacity, hdd_gb, uplink_speed,"
            + " unmetered_bandwidth, datacenter_country, datacenter_city, gpu_name, gpu_count,"
            + " gpu_memory_gb, min_contract_hours, max_contract_hours, operating_systems,"
            + " billing_interval, is_draft, trust_score, created_at_ns)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (pubkey, offering_id) DO NOTHING RETURNING id",
        rs -> rs.getLong(1),
        o.pubkey(),
        o.offeringId(),
        o.offerName(),
        o.description(),
        o.productType(),
        o.currency(),
        s.monthlyPriceE9s(),
        s.setupFeeE9s(),
        o.visibility(),
        o.stockStatus(),
        o.processorBrand(),
        o.processorCores(),
        o.processorName(),
        o.memoryAmount(),
        s.memoryGb(),
        o.totalSsdCapacity(),
        s.ssdGb(),
        o.totalHddCapacity(),
        s.hddGb(),
        o.uplinkSpeed(),
        o.unmeteredBandwidth(),
        o.datacenterCountry(),
        o.datacenterCity(),
        o.gpuName(),
        o.gpuCount(),
        o.gpuMemoryGb(),
        o.minContractHours(),
        o.maxContractHours(),
        o.operatingSystems(),
        o.billingInterval(),
        Boolean.TRUE.equals(o.isDraft()),
        s.trustScore(),
        s.createdAtNs());
  }

  @Override
  public long countOfferings() {
    return one("SELECT COUNT(*) FROM offerings", rs -> rs.getLong(1)).orElse(0L);
  }

  // ------------------------------------------------------------------ contracts

  private static Contract contractRow(ResultSet rs) throws SQLException {
    return new Contract(
        rs.getString("contract_id"),
        rs.getString("requester_pubkey"),
        rs.getString("requester_ssh_pubkey"),
        rs.getString("requester_contact"),
        rs.getString("provider_pubkey"),
        rs.getString("offering_id"),
        rs.getString("offering_name"),
        rs.getLong("payment_amount_e9s"),
        rs.getString("currency"),
        rs.getString("payment_method"),
        rs.getString("payment_status"),
        rs.getLong("start_timestamp_ns"),
        rs.getLong("end_timestamp_ns"),
        rs.getLong("duration_hours"),
        rs.getString("request_memo"),
        rs.getLong("created_at_ns"),
        rs.getString("status"),
        rs.getLong("status_updated_at_ns"),
        rs.getString("instance_details"),
        longOrNull(rs, "provisioned_at_ns"),
        rs.getString("operating_system"));
  }

  @Override
  public void insertContract(NewContract n) {
    update(
        "INSERT INTO contracts (contract_id, requester_pubkey, requester_ssh_pubkey,"
            + " requester_contact, provider_pubkey, offering_db_id, offering_id, offering_name,"
            + " payment_amount_e9s, currency, payment_method, payment_status, start_timestamp_ns,"
            + " end_timestamp_ns, duration_hours, request_memo, operating_system, buyer_address,"
            + " created_at_ns, status, status_updated_at_ns)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        n.contractId(),
        n.requesterPubkey(),
        n.requesterSshPubkey(),
        n.requesterContact(),
        n.providerPubkey(),
        n.offeringDbId(),
        n.offeringId(),
        n.offeringName(),
        n.paymentAmountE9s(),
        n.currency(),
        n.paymentMethod(),
        n.paymentStatus(),
        n.startTimestampNs(),
        n.endTimestampNs(),
        n.durationHours(),
        n.requestMemo(),
        n.operatingSystem(),
        n.buyerAddress(),
        n.createdAtNs(),
        n.status(),
        n.createdAtNs());
  }

  @Override
  public Optional<Contract> contract(String contractId) {
    return one(CONTRACT_SELECT + " WHERE c.contract_id = ?", JdbcTx::contractRow, contractId);
  }

  @Override
  public List<Contract> contractsOfRenter(String pubkey) {
    return query(
        CONTRACT_SELECT
            + " WHERE c.requester_pubkey = ? ORDER BY c.created_at_ns DESC, c.contract_id DESC",
        JdbcTx::contractRow,
        pubkey);
  }

  @Override
  public List<Contract> contractsOfProvider(String pubkey, List<ContractStatus> onlyStatuses) {
    StringBuilder sql = new StringBuilder(CONTRACT_SELECT + " WHERE c.provider_pubkey = ?");
    List<Object> params = new ArrayList<>(List.of(pubkey));
    if (!onlyStatuses.isEmpty()) {
      sql.append(" AND c.status IN (");
      for (int i = 0; i < onlyStatuses.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
        params.add(onlyStatuses.get(i).wire());
      }
      sql.append(")");
    }
    sql.append(" ORDER BY c.created_at_ns DESC, c.contract_id DESC");
    return query(sql.toString(), JdbcTx::contractRow, params.toArray());
  }

  @Override
  public List<String> expiredActiveContracts(long nowNs, int limit) {
    return query(
        "SELECT contract_id FROM contracts WHERE status = ? AND end_timestamp_ns <= ?"
            + " ORDER BY end_timestamp_ns LIMIT ?",
        rs -> rs.getString(1),
        ContractStatus.ACTIVE.wire(),
        nowNs,
        limit);
  }

  @Override
  public boolean updateStatus(
      String contractId, ContractStatus from, ContractStatus to, long nowNs) {
    return update(
            "UPDATE contracts SET status = ?, status_updated_at_ns = ?"
                + " WHERE contract_id = ? AND status = ?",
            to.wire(),
            nowNs,
            contractId,
            from.wire())
        == 1;
  }

  @Override
  public void insertHistory(
      String contractId,
      String oldStatus,
      String newStatus,
      String changedBy,
      long atNs,
      String memo) {
    update(
        "INSERT INTO contract_status_history"
            + " (contract_id, old_status, new_status, changed_by, changed_at_ns, memo)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        contractId,
        oldStatus,
        newStatus,
        changedBy,
        atNs,
        memo);
  }

  @Override
  public List<HistoryRow> history(String contractId) {
    return query(
        "SELECT id, old_status, new_status, changed_by, changed_at_ns, memo"
            + " FROM contract_status_history WHERE contract_id = ? ORDER BY id",
        rs ->
            new HistoryRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6)),
        contractId);
  }

  @Override
  public void insertEvent(
      String contractId,
      String eventType,
      String oldStatus,
      String newStatus,
      Actor actor,
      String details,
      long atNs) {
    update(
        "INSERT INTO contract_events"
            + " (contract_id, event_type, old_status, new_status, actor, details, created_at_ns)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        contractId,
        eventType,
        oldStatus,
        newStatus,
        actor.wire(),
        details,
        atNs);
  }

  @Override
  public List<ContractEvent> events(String contractId) {
    return query(
        "SELECT id, contract_id, event_type, old_status, new_status, actor, details, created_at_ns"
            + " FROM contract_events WHERE contract_id = ? ORDER BY id",
        rs ->
            new ContractEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8)),
        contractId);
  }

  @Override
  public void saveProvisioning(String contractId, String sanitizedDetails, long atNs) {
    update(
        "INSERT INTO contract_provisioning (contract_id, instance_details, provisioned_at_ns)"
            + " VALUES (?, ?, ?)",
        contractId,
        sanitizedDetails,
        atNs);
  }

  @Override
  public void saveCredentials(String contractId, String encryptedJson, long atNs) {
    update(
        "INSERT INTO contract_credentials (contract_id, encrypted_json, created_at_ns)"
            + " VALUES (?, ?, ?)",
        contractId,
        encryptedJson,
        atNs);
  }

  @Override
  public Optional<String> credentials(String contractId) {
    return one(
        "SELECT encrypted_json FROM contract_credentials WHERE contract_id = ?",
        rs -> rs.getString(1),
        contractId);
  }

  // ------------------------------------------------------------------ notifications, settings

  @Override
  public void insertNotification(
      String userPubkey, String type, String title, String body, String contractId, long atSec) {
    update(
        "INSERT INTO notifications"
            + " (user_pubkey, notification_type, title, body, contract_id, read_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, NULL, ?)",
        userPubkey,
        type,
        title,
        body,
        contractId,
        atSec);
  }

  @Override
  public List<UserNotification> notifications(String userPubkey, int limit) {
    return query(
        "SELECT id, notification_type, title, body, contract_id, read_at, created_at"
            + " FROM notifications WHERE user_pubkey = ? ORDER BY id DESC LIMIT ?",
        rs ->
            new UserNotification(
                rs.getLong("id"),
                rs.getString("notification_type"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("contract_id"),
                longOrNull(rs, "read_at"),
                rs.getLong("created_at")),
        userPubkey,
        limit);
  }

  @Override
  public long unreadCount(String userPubkey) {
    return one(
            "SELECT COUNT(*) FROM notifications WHERE user_pubkey = ? AND read_at IS NULL",
            rs -> rs.getLong(1),
            userPubkey)
        .orElse(0L);
  }

  @Override
  public int markRead(String userPubkey, List<Long> ids, long atSec) {
    if (ids.isEmpty()) {
      return update(
          "UPDATE notifications SET read_at = ? WHERE user_pubkey = ? AND read_at IS NULL",
          atSec,
          userPubkey);
    }
    if (ids.size() > 1000) {
      throw DomainException.invalid("ids", "at most 1000 ids at once");
    }
    StringBuilder sql =
        new StringBuilder(
            "UPDATE notifications SET read_at = ? WHERE user_pubkey = ? AND read_at IS NULL"
                + " AND id IN (");
    List<Object> params = new ArrayList<>(List.of(atSec, userPubkey));
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      params.add(ids.get(i));
    }
    sql.append(")");
    return update(sql.toString(), params.toArray());
  }

  @Override
  public boolean autoAccept(String providerPubkey) {
    return one(
            "SELECT auto_accept FROM provider_settings WHERE pubkey = ?",
            rs -> rs.getBoolean(1),
            providerPubkey)
        .orElse(false);
  }

  @Override
  public void setAutoAccept(String providerPubkey, boolean on, long nowNs) {
    update(
        "INSERT INTO provider_settings (pubkey, auto_accept, updated_at_ns) VALUES (?, ?, ?)"
            + " ON CONFLICT (pubkey) DO UPDATE SET auto_accept = excluded.auto_accept,"
            + " updated_at_ns = excluded.updated_at_ns",
        providerPubkey,
        on,
        nowNs);
  }

  // ------------------------------------------------------------------ idempotency

  @Override
  public boolean claimIdempotencyKey(String signer, String key, String requestHash, long nowNs) {
    // On PostgreSQL a concurrent claim of the same key blocks here until the first transaction
    // ends, then finds the row: so two identical retries can never both create a contract.
    return update(
            "INSERT INTO idempotency_keys (signer, idem_key, request_hash, created_at_ns)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (signer, idem_key) DO NOTHING",
            signer,
            key,
            requestHash,
            nowNs)
        == 1;
  }

  @Override
  public Optional<IdempotentAnswer> idempotentAnswer(String signer, String key) {
    return one(
        "SELECT request_hash, contract_id, response_status, response_body FROM idempotency_keys"
            + " WHERE signer = ? AND idem_key = ?",
        rs ->
            new IdempotentAnswer(
                rs.getString(1),
                rs.getString(2),
                intOrNull(rs, "response_status"),
                rs.getString(4)),
        signer,
        key);
  }

  @Override
  public void completeIdempotencyKey(
      String signer, String key, String contractId, int status, String body) {
    update(
        "UPDATE idempotency_keys SET contract_id = ?, response_status = ?, response_body = ?"
            + " WHERE signer = ? AND idem_key = ?",
        contractId,
        status,
        body,
        signer,
        key);
  }

  // ------------------------------------------------------------------ housekeeping

  @Override
  public int pruneNonces(long olderThanNs) {
    return update("DELETE FROM seen_nonces WHERE seen_at_ns < ?", olderThanNs);
  }

  @Override
  public int pruneIdempotencyKeys(long olderThanNs) {
    return update("DELETE FROM idempotency_keys WHERE created_at_ns < ?", olderThanNs);
  }

  @Override
  public int pruneRateBuckets(long olderThanNs) {
    return update("DELETE FROM rate_limit_buckets WHERE updated_at_ns < ?", olderThanNs);
  }
}
