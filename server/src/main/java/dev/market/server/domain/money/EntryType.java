package dev.market.server.domain.money;

/** What a ledger entry was for; the wire name is what wallets show as {@code entryType}. */
public enum EntryType {
  DEPOSIT("deposit"),
  WITHDRAWAL("withdrawal"),
  ESCROW_HOLD("escrow_hold"),
  EXTENSION_HOLD("extension_hold"),
  RENEWAL_HOLD("renewal_hold"),
  REFUND("refund"),
  PAYOUT("payout");

  private final String wire;

  EntryType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
