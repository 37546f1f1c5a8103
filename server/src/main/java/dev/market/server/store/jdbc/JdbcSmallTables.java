package dev.market.server.store.jdbc;

import static dev.market.server.store.jdbc.NamedSql.intOrNull;
import static dev.market.server.store.jdbc.NamedSql.sql;

import dev.market.server.domain.IdempotencyRepository;
import dev.market.server.domain.IdempotentAnswer;
import dev.market.server.domain.NonceRepository;
import dev.market.server.domain.ProviderSettingsRepository;
import dev.market.server.domain.RateLimitRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The repositories of one small table each: settings, idempotency keys, nonces, rate buckets. */
final class JdbcSmallTables {
  private JdbcSmallTables() {}

  /** provider_settings. */
  static final class Settings implements ProviderSettingsRepository {
    private final Connection c;

    Settings(Connection c) {
      this.c = c;
    }

    @Override
    public boolean autoAccept(String providerPubkey) {
      return sql("SELECT auto_accept FROM provider_settings WHERE pubkey = :pubkey")
          .bind("pubkey", providerPubkey)
          .one(c, rs -> rs.getBoolean(1))
          .orElse(false);
    }

    @Override
    public void setAutoAccept(String providerPubkey, boolean on, long nowNs) {
      sql("INSERT INTO provider_settings (pubkey, auto_accept, updated_at_ns)"
              + " VALUES (:pubkey, :on, :now)"
              + " ON CONFLICT (pubkey) DO UPDATE SET auto_accept = excluded.auto_accept,"
              + " updated_at_ns = excluded.updated_at_ns")
          .bind("pubkey", providerPubkey)
          .bind("on", on)
          .bind("now", nowNs)
          .update(c);
    }
  }

  /** idempotency_keys. */
  static final class Idempotency implements IdempotencyRepository {
    private final Connection c;

    Idempotency(Connection c) {
      this.c = c;
    }

    @Override
    public boolean claim(String signer, String key, String requestHash, long nowNs) {
      // On PostgreSQL a concurrent claim of the same key blocks here until the first transaction
      // ends, then finds the row: so two identical retries can never both create a contract.
      return sql("INSERT INTO idempotency_keys (signer, idem_key, request_hash, created_at_ns)"
                  + " VALUES (:signer, :key, :hash, :now)"
                  + " ON CONFLICT (signer, idem_key) DO NOTHING")
              .bind("signer", signer)
              .bind("key", key)
              .bind("hash", requestHash)
              .bind("now", nowNs)
              .update(c)
          == 1;
    }

    @Override
    public Optional<IdempotentAnswer> answer(String signer, String key) {
      return sql("SELECT request_hash, contract_id, response_status, response_body"
              + " FROM idempotency_keys WHERE signer = :signer AND idem_key = :key")
          .bind("signer", signer)
          .bind("key", key)
          .one(
              c,
              rs ->
                  new IdempotentAnswer(
                      rs.getString("request_hash"),
                      rs.getString("contract_id"),
                      intOrNull(rs, "response_status"),
                      rs.getString("response_body")));
    }

    @Override
    public void complete(String signer, String key, String contractId, int status, String body) {
      sql("UPDATE idempotency_keys SET contract_id = :contract_id, response_status = :status,"
              + " response_body = :body WHERE signer = :signer AND idem_key = :key")
          .bind("contract_id", contractId)
          .bind("status", status)
          .bind("body", body)
          .bind("signer", signer)
          .bind("key", key)
          .update(c);
    }

    @Override
    public int pruneOlderThan(long nowNs) {
      return sql("DELETE FROM idempotency_keys WHERE created_at_ns < :t")
          .bind("t", nowNs)
          .update(c);
    }
  }

  /** seen_nonces. */
  static final class Nonces implements NonceRepository {
    private static final String INSERT =
        "INSERT INTO seen_nonces (pubkey, nonce, seen_at_ns) VALUES (?, ?, ?)"
            + " ON CONFLICT (pubkey, nonce) DO NOTHING";
    private static final String SELECT = "SELECT 1 FROM seen_nonces WHERE pubkey = ? AND nonce = ?";
    // PostgreSQL: one statement for any number of pairs, the pairs bound as two (three) arrays, so
    // the text never changes and the statement stays prepared on the server
    private static final String PG_INSERT =
        "INSERT INTO seen_nonces (pubkey, nonce, seen_at_ns)"
            + " SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[])"
            + " ON CONFLICT (pubkey, nonce) DO NOTHING";
    private static final String PG_SELECT =
        "SELECT s.pubkey, s.nonce FROM seen_nonces s"
            + " JOIN unnest(?::text[], ?::text[]) AS q(pubkey, nonce)"
            + " ON s.pubkey = q.pubkey AND s.nonce = q.nonce";

    // one statement, so the rows and the xmin come from one snapshot; a row with nulls when none
    private static final String PG_AFTER =
        "SELECT pg_snapshot_xmin(pg_current_snapshot())::text, n.seen_xid::text, n.pubkey,"
            + " n.nonce, n.seen_at_ns FROM (SELECT 1) AS one LEFT JOIN LATERAL"
            + " (SELECT seen_xid, pubkey, nonce, seen_at_ns FROM seen_nonces"
            + " WHERE seen_xid >= (?::text)::xid8 ORDER BY seen_xid LIMIT ?) AS n ON true";
    private static final String SQLITE_AFTER =
        "SELECT rowid, pubkey, nonce, seen_at_ns FROM seen_nonces WHERE rowid > ?"
            + " ORDER BY rowid LIMIT ?";

    private final Connection c;
    private final JdbcStore.Dialect dialect;

    Nonces(Connection c, JdbcStore.Dialect dialect) {
      this.c = c;
      this.dialect = dialect;
    }

    @Override
    public boolean record(String pubkey, String nonce, long nowNs) {
      return sql("INSERT INTO seen_nonces (pubkey, nonce, seen_at_ns) VALUES (:pubkey, :nonce,"
                  + " :now) ON CONFLICT (pubkey, nonce) DO NOTHING")
              .bind("pubkey", pubkey)
              .bind("nonce", nonce)
              .bind("now", nowNs)
              .update(c)
          == 1;
    }

    @Override
    public int recordAll(Collection<Seen> pairs) {
      if (pairs.isEmpty()) {
        return 0;
      }
      try {
        if (dialect == JdbcStore.Dialect.POSTGRES) {
          try (PreparedStatement ps = c.prepareStatement(PG_INSERT)) {
            ps.setArray(1, c.createArrayOf("text", pairs.stream().map(Seen::pubkey).toArray()));
            ps.setArray(2, c.createArrayOf("text", pairs.stream().map(Seen::nonce).toArray()));
            ps.setArray(3, c.createArrayOf("bigint", pairs.stream().map(Seen::atNs).toArray()));
            // a pair listed twice in one batch counts as already there once
            return pairs.size() - ps.executeUpdate();
          }
        }
        // SQLite runs in this process: no round trip to save, one prepared statement for all
        int already = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
          for (Seen p : pairs) {
            ps.setString(1, p.pubkey());
            ps.setString(2, p.nonce());
            ps.setLong(3, p.atNs());
            if (ps.executeUpdate() != 1) {
              already++;
            }
          }
        }
        return already;
      } catch (SQLException e) {
        throw JdbcStore.wrap(e);
      }
    }

    @Override
    public Set<Key> recordedAmong(Collection<Key> keys) {
      Set<Key> found = new HashSet<>();
      if (keys.isEmpty()) {
        return found;
      }
      try {
        if (dialect == JdbcStore.Dialect.POSTGRES) {
          try (PreparedStatement ps = c.prepareStatement(PG_SELECT)) {
            ps.setArray(1, c.createArrayOf("text", keys.stream().map(Key::pubkey).toArray()));
            ps.setArray(2, c.createArrayOf("text", keys.stream().map(Key::nonce).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(new Key(rs.getString(1), rs.getString(2)));
              }
            }
          }
          return found;
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
          for (Key k : keys) {
            ps.setString(1, k.pubkey());
            ps.setString(2, k.nonce());
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                found.add(k);
              }
            }
          }
        }
        return found;
      } catch (SQLException e) {
        throw JdbcStore.wrap(e);
      }
    }

    @Override
    public Page committedAfter(long cursor, int limit) {
      try {
        if (dialect == JdbcStore.Dialect.POSTGRES) {
          return committedAfterPostgres(cursor, limit);
        }
        // SQLite has one writer at a time and gives a new row the largest rowid plus one, so rowid
        // order is commit order as long as the largest rowid is never freed (pruneOlderThan)
        try (PreparedStatement ps = c.prepareStatement(SQLITE_AFTER)) {
          ps.setLong(1, cursor);
          ps.setInt(2, limit);
          List<Seen> pairs = new ArrayList<>();
          long last = cursor;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              last = rs.getLong(1);
              pairs.add(new Seen(rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
          }
          return new Page(pairs, last);
        }
      } catch (SQLException e) {
        throw JdbcStore.wrap(e);
      }
    }

    /**
     * The cursor is a transaction id: every transaction below the snapshot's xmin had ended when
     * the query began, so its rows are in this page or an earlier one, and the next page starts at
     * xmin. Rows of transactions at or above it are read again next time, since an older one still
     * running may commit after them (migration 7).
     */
    private Page committedAfterPostgres(long cursor, int limit) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(PG_AFTER)) {
        ps.setString(1, Long.toString(cursor));
        ps.setInt(2, limit);
        List<Seen> pairs = new ArrayList<>();
        long xmin = cursor;
        long last = cursor;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            xmin = Long.parseLong(rs.getString(1));
            String xid = rs.getString(2);
            if (xid != null) {
              last = Long.parseLong(xid);
              pairs.add(new Seen(rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
          }
        }
        // a full page may stop inside a transaction's rows: start the next one at that transaction
        long next = pairs.size() < limit ? xmin : Math.min(xmin, last);
        return new Page(pairs, Math.max(cursor, next));
      }
    }

    @Override
    public int pruneOlderThan(long nowNs) {
      if (dialect == JdbcStore.Dialect.POSTGRES) {
        return sql("DELETE FROM seen_nonces WHERE seen_at_ns < :t").bind("t", nowNs).update(c);
      }
      // the newest row keeps its rowid, so the next row's is larger than any a follower has
      // read; only its pair is forgotten (no real public key is empty), so the pair may be used
      // again like any pruned one. An older blank row is deleted first, so two never collide.
      int deleted =
          sql("DELETE FROM seen_nonces WHERE seen_at_ns < :t"
                  + " AND rowid < (SELECT MAX(rowid) FROM seen_nonces)")
              .bind("t", nowNs)
              .update(c);
      int blanked =
          sql("UPDATE seen_nonces SET pubkey = '', nonce = '' WHERE seen_at_ns < :t"
                  + " AND pubkey <> '' AND rowid = (SELECT MAX(rowid) FROM seen_nonces)")
              .bind("t", nowNs)
              .update(c);
      return deleted + blanked;
    }
  }

  /** rate_limit_buckets. */
  static final class RateLimits implements RateLimitRepository {
    private record Bucket(double tokens, long updatedAtNs) {}

    private final Connection c;
    private final JdbcStore.Dialect dialect;

    RateLimits(Connection c, JdbcStore.Dialect dialect) {
      this.c = c;
      this.dialect = dialect;
    }

    @Override
    public long take(String bucketKey, double perSecond, double burst, long nowNs) {
      // the bucket is read first and only created when missing: a key's every later request
      // costs two statements, not three (issue 11)
      Bucket bucket =
          locked(bucketKey)
              .orElseGet(
                  () -> {
                    sql("INSERT INTO rate_limit_buckets (bucket_key, tokens, updated_at_ns)"
                            + " VALUES (:key, :burst, :now) ON CONFLICT (bucket_key) DO NOTHING")
                        .bind("key", bucketKey)
                        .bind("burst", burst)
                        .bind("now", nowNs)
                        .update(c);
                    // a concurrent first request may have inserted it instead: read it either way
                    return locked(bucketKey).orElseThrow();
                  });
      double tokens = bucket.tokens();
      long updated = bucket.updatedAtNs();
      double elapsedSec = Math.max(0, nowNs - updated) / 1e9;
      double available = Math.min(burst, tokens + elapsedSec * perSecond);
      if (available < 1) {
        return (long) Math.max(1, Math.ceil((1 - available) / perSecond));
      }
      sql("UPDATE rate_limit_buckets SET tokens = :tokens, updated_at_ns = :now"
              + " WHERE bucket_key = :key")
          .bind("tokens", available - 1)
          .bind("now", Math.max(nowNs, updated))
          .bind("key", bucketKey)
          .update(c);
      return 0L;
    }

    private Optional<Bucket> locked(String bucketKey) {
      // SQLite's single writer already serializes this; PostgreSQL needs the row lock
      String lock = dialect == JdbcStore.Dialect.POSTGRES ? " FOR UPDATE" : "";
      return sql("SELECT tokens, updated_at_ns FROM rate_limit_buckets WHERE bucket_key = :key"
              + lock)
          .bind("key", bucketKey)
          .one(c, rs -> new Bucket(rs.getDouble(1), rs.getLong(2)));
    }

    @Override
    public int pruneOlderThan(long nowNs) {
      return sql("DELETE FROM rate_limit_buckets WHERE updated_at_ns < :t")
          .bind("t", nowNs)
          .update(c);
    }
  }
}
