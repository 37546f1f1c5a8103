package dev.market.server.domain;

/** Encrypts a secret to a renter's key (docs/protocol.md section 7). */
@FunctionalInterface
public interface CredentialSealer {
  /**
   * Returns the encrypted-credentials JSON, version 2.
   *
   * @param renterPubkeyHex the renter's Ed25519 public key
   * @param contractId the raw 32-byte contract id (the AAD)
   */
  String seal(String renterPubkeyHex, byte[] contractId, String plaintext);
}
