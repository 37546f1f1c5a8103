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

  int pruneOlderThan(long nowNs);
}
