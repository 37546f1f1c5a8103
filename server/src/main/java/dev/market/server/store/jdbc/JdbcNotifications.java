package dev.market.server.store.jdbc;

import static dev.market.server.store.jdbc.NamedSql.longOrNull;
import static dev.market.server.store.jdbc.NamedSql.sql;

import dev.market.server.domain.DomainException;
import dev.market.server.domain.Notification;
import dev.market.server.domain.NotificationRepository;
import java.sql.Connection;
import java.util.List;

/** The notifications table. */
final class JdbcNotifications implements NotificationRepository {
  private final Connection c;

  JdbcNotifications(Connection c) {
    this.c = c;
  }

  @Override
  public void insert(Notification n) {
    sql("INSERT INTO notifications"
            + " (user_pubkey, notification_type, title, body, contract_id, read_at, created_at)"
            + " VALUES (:user, :type, :title, :body, :contract_id, NULL, :created_at)")
        .bind("user", n.userPubkey())
        .bind("type", n.type())
        .bind("title", n.title())
        .bind("body", n.body())
        .bind("contract_id", n.contractId())
        .bind("created_at", n.createdAt())
        .update(c);
  }

  @Override
  public List<Notification> ofUser(String userPubkey, int limit) {
    return sql("SELECT id, user_pubkey, notification_type, title, body, contract_id, read_at,"
            + " created_at FROM notifications WHERE user_pubkey = :user ORDER BY id DESC"
            + " LIMIT :limit")
        .bind("user", userPubkey)
        .bind("limit", limit)
        .list(
            c,
            rs ->
                new Notification(
                    rs.getLong("id"),
                    rs.getString("user_pubkey"),
                    rs.getString("notification_type"),
                    rs.getString("title"),
                    rs.getString("body"),
                    rs.getString("contract_id"),
                    longOrNull(rs, "read_at"),
                    rs.getLong("created_at")));
  }

  @Override
  public long unreadCount(String userPubkey) {
    return sql("SELECT COUNT(*) FROM notifications WHERE user_pubkey = :user AND read_at IS NULL")
        .bind("user", userPubkey)
        .one(c, rs -> rs.getLong(1))
        .orElse(0L);
  }

  @Override
  public int markRead(String userPubkey, List<Long> ids, long atSec) {
    String unread =
        "UPDATE notifications SET read_at = :at WHERE user_pubkey = :user" + " AND read_at IS NULL";
    if (ids.isEmpty()) {
      return sql(unread).bind("at", atSec).bind("user", userPubkey).update(c);
    }
    if (ids.size() > 1000) {
      throw DomainException.invalid("ids", "at most 1000 ids at once");
    }
    return sql(unread + " AND id IN (:ids)")
        .bind("at", atSec)
        .bind("user", userPubkey)
        .bind("ids", ids)
        .update(c);
  }
}
