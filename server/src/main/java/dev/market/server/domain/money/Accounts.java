package dev.market.server.domain.money;

/** Names of ledger accounts: one wallet per public key, one escrow per contract. */
public final class Accounts {
  private Accounts() {}

  public static String wallet(String pubkey) {
    return "wallet:" + pubkey;
  }

  public static String escrow(String contractId) {
    return "escrow:" + contractId;
  }
}
