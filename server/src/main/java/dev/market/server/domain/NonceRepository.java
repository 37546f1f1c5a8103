package dev.market.server.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The (public key, nonce) pairs seen inside the signature window. */
public interface NonceRepository {

  /** A pair to record. */
  record Seen(String pubkey, String nonce, long atNs) {}

  /** A pair to look up. */
  record Key(String pubkey, String nonce) {}

  /** Records a pair; false when it was already there (a replay). */
  boolean record(String pubkey, String nonce, long nowNs);

  /**
   * Records pairs, skipping any already there; returns how many were already there. One round trip
   * on PostgreSQL, however many pairs.
   */
  int recordAll(Collection<Seen> pairs);

  /**
   * Whether the pair is recorded (a committed row; no lock taken): {@link #recordedAmong} of one.
   */
  default boolean contains(String pubkey, String nonce) {
    Key key = new Key(pubkey, nonce);
    return recordedAmong(List.of(key)).contains(key);
  }

  /**
   * The pairs among {@code keys} that are recorded (committed rows; no lock taken). One round trip
   * on PostgreSQL, however many pairs.
   */
  Set<Key> recordedAmong(Collection<Key> keys);

  /** Pairs in the order they were committed, and where the next page begins. */
  record Page(List<Seen> pairs, long cursor) {}

  /**
   * Up to {@code limit} pairs committed since {@code cursor} (0 before the first page), by any
   * process, in commit order; give the next call this page's {@link Page#cursor}. A page that is
   * not full holds every pair committed before its query began that no earlier page held. A pair
   * may come again in a later page (on PostgreSQL, those of transactions that ended after an older
   * one began).
   */
  Page committedAfter(long cursor, int limit);

  /**
   * Forgets the pairs seen before {@code nowNs} and returns how many. {@link #committedAfter}'s
   * order goes on past them: the next pair committed comes after every one listed before.
   */
  int pruneOlderThan(long nowNs);
}
