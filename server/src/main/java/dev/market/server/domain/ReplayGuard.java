package dev.market.server.domain;

import java.util.Locale;

/**
 * The replay rule of docs/protocol.md section 2: a (public key, nonce) pair is accepted once. It
 * lives in the database so every server process sharing it refuses the second use, and it runs in
 * its own short transaction so a request refused later still leaves its nonce spent.
 */
public final class ReplayGuard {
  private final MarketStore store;

  public ReplayGuard(MarketStore store) {
    this.store = store;
  }

  /**
   * Spends {@code nonce} for {@code signer}.
   *
   * @throws DomainException unauthorized when the pair was seen before
   */
  public void spend(String signer, String nonce, long nowNs) {
    String n = nonce.toLowerCase(Locale.ROOT);
    if (!store.write(tx -> tx.nonces().record(signer, n, nowNs))) {
      throw DomainException.unauthorized("nonce already used: replayed request");
    }
  }
}
