package dev.market.server.domain;

import java.util.List;

/** Notifications of one user, and the provider settings that decide some of them. */
public interface NotificationRepository {

  void insert(Notification notification);

  /** Newest first. */
  List<Notification> ofUser(String userPubkey, int limit);

  long unreadCount(String userPubkey);

  /** Marks {@code ids} of this user read (all of them when empty); returns how many changed. */
  int markRead(String userPubkey, List<Long> ids, long atSec);
}
