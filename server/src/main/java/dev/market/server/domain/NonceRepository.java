package dev.market.server.domain;

import java.util.Collection;

/** The (public key, nonce) pairs seen inside the signature window. */
public interface NonceRepository {

  /** A pair to record. */
  record Seen(String pubkey, String nonce, long atNs) {}

  /** Records a pair; false when it was already there (a replay). */
  boolean record(String pubkey, String nonce, long nowNs);

  /** Records pairs, skipping any already there; returns how many were already there. */
  int recordAll(Collection<Seen> pairs);

  /** Whether the pair is recorded (a committed row; no lock taken). */
  boolean contains(String pubkey, String nonce);

  int pruneOlderThan(long nowNs);
}
