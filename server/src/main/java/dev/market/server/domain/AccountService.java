package dev.market.server.domain;

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

  public List<Notification> notifications(String signer, String pathPubkey) {
    ContractService.sameKey(signer, pathPubkey);
    return store.read(tx -> tx.notifications().ofUser(signer, NOTIFICATION_PAGE));
  }

  public long unreadCount(String signer, String pathPubkey) {
    ContractService.sameKey(signer, pathPubkey);
    return store.read(tx -> tx.notifications().unreadCount(signer));
  }

  /** Marks the given ids read (all when empty); ids of other users are left alone. */
  public int markRead(String signer, String pathPubkey, List<Long> ids) {
    ContractService.sameKey(signer, pathPubkey);
    long now = EpochNanos.toSeconds(EpochNanos.now(clock));
    return store.write(tx -> tx.notifications().markRead(signer, ids, now));
  }

  public boolean autoAccept(String signer) {
    return store.read(tx -> tx.settings().autoAccept(signer));
  }

  public boolean setAutoAccept(String signer, boolean on) {
    long ns = EpochNanos.now(clock);
    store.write(
        tx -> {
          tx.settings().setAutoAccept(signer, on, ns);
          return null;
        });
    return on;
  }
}
