package dev.market.server.domain;

/** The (public key, nonce) pairs seen inside the signature window. */
public interface NonceRepository {

  /** Records a pair; false when it was already there (a replay). */
  boolean record(String pubkey, String nonce, long nowNs);

  int pruneOlderThan(long nowNs);
}
