package dev.market.server.domain;

import dev.market.protocol.model.UserNotification;
import java.time.Clock;
import java.util.List;

/** Notifications and provider settings: each only for the signer's own key. */
public final class AccountService {
  public static final int NOTIFICATION_PAGE = 50;

  private final MarketStore store;
  private final Clock clock;

  public AccountService(MarketStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public List<UserNotification> notifications(String signer, String pathPubkey) {
    ContractService.sameKey(signer, pathPubkey);
    return store.read(tx -> tx.notifications(signer, NOTIFICATION_PAGE));
  }

  public long unreadCount(String signer, String pathPubkey) {
    ContractService.sameKey(signer, pathPubkey);
    return store.read(tx -> tx.unreadCount(signer));
  }

  /** Marks the given ids read (all when empty); ids of other users are left alone. */
  public int markRead(String signer, String pathPubkey, List<Long> ids) {
    ContractService.sameKey(signer, pathPubkey);
    long now = EpochNanos.toSeconds(EpochNanos.now(clock));
    return store.write(tx -> tx.markRead(signer, ids, now));
  }

  public boolean autoAccept(String signer) {
    return store.read(tx -> tx.autoAccept(signer));
  }

  public boolean setAutoAccept(String signer, boolean on) {
    long ns = EpochNanos.now(clock);
    store.write(
        tx -> {
          tx.setAutoAccept(signer, on, ns);
          return null;
        });
    return on;
  }
}
