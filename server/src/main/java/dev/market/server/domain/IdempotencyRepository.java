package dev.market.server.domain;

import java.util.Optional;

/** Idempotency keys of {@code POST /contracts} and the first answer given for each. */
public interface IdempotencyRepository {

  /**
   * Claims a key for this transaction. False when the key exists (a concurrent claim waits for the
   * other transaction to finish first).
   */
  boolean claim(String signer, String key, String requestHash, long nowNs);

  Optional<IdempotentAnswer> answer(String signer, String key);

  void complete(String signer, String key, String contractId, int status, String body);

  int pruneOlderThan(long nowNs);
}
