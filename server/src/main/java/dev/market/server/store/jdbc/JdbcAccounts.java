package dev.market.server.store.jdbc;

import static dev.market.server.store.jdbc.NamedSql.sql;

import dev.market.server.domain.Account;
import dev.market.server.domain.AccountRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** The accounts table. */
final class JdbcAccounts implements AccountRepository {
  private static final String COLUMNS =
      "id, username, email, email_verified, pubkey, key_id, created_at_ns, updated_at_ns";

  private final Connection c;

  JdbcAccounts(Connection c) {
    this.c = c;
  }

  private static Account row(ResultSet rs) throws SQLException {
    return new Account(
        rs.getString("id"),
        rs.getString("username"),
        rs.getString("email"),
        rs.getBoolean("email_verified"),
        rs.getString("pubkey"),
        rs.getString("key_id"),
        rs.getLong("created_at_ns"),
        rs.getLong("updated_at_ns"));
  }

  @Override
  public boolean insert(Account a) {
    // both unique constraints end in DO NOTHING: a taken username and a key with an account are
    // told apart by the service, which looked first in the same transaction
    return sql("INSERT INTO accounts (id, username, username_lower, email, email_verified, pubkey,"
                + " key_id, created_at_ns, updated_at_ns) VALUES (:id, :username, :lower, :email,"
                + " :verified, :pubkey, :key_id, :created, :updated) ON CONFLICT DO NOTHING")
            .bind("id", a.id())
            .bind("username", a.username())
            .bind("lower", lower(a.username()))
            .bind("email", a.email())
            .bind("verified", a.emailVerified())
            .bind("pubkey", a.pubkey())
            .bind("key_id", a.keyId())
            .bind("created", a.createdAtNs())
            .bind("updated", a.updatedAtNs())
            .update(c)
        == 1;
  }

  @Override
  public Optional<Account> byPubkey(String pubkey) {
    return sql("SELECT " + COLUMNS + " FROM accounts WHERE pubkey = :pubkey")
        .bind("pubkey", pubkey.toLowerCase(Locale.ROOT))
        .one(c, JdbcAccounts::row);
  }

  @Override
  public Optional<Account> byUsername(String username) {
    return sql("SELECT " + COLUMNS + " FROM accounts WHERE username_lower = :lower")
        .bind("lower", lower(username))
        .one(c, JdbcAccounts::row);
  }

  @Override
  public boolean markVerified(String username, long nowNs) {
    return sql("UPDATE accounts SET email_verified = :yes, updated_at_ns = :now"
                + " WHERE username_lower = :lower")
            .bind("yes", true)
            .bind("now", nowNs)
            .bind("lower", lower(username))
            .update(c)
        == 1;
  }

  /** Decent Cloud compares LOWER(username) (api/src/database/accounts.rs:325). */
  private static String lower(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
