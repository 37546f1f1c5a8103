package dev.market.client.auth;

/**
 * BIP39 English mnemonics: generation, validation, seed derivation.
 *
 * <p>SKELETON: validation and generation are to be completed (wordlist resource, checksum).
 */
public final class Bip39 {
  private Bip39() {}

  /**
   * Checks words, count and checksum.
   *
   * @throws InvalidMnemonicException naming what is wrong
   */
  public static void validate(String mnemonic) {
    if (mnemonic == null || mnemonic.isBlank()) {
      throw new InvalidMnemonicException("the seed phrase is empty");
    }
  }

  /** PBKDF2 seed of protocol section 1, step 2. */
  public static byte[] toSeed(String mnemonic, String passphrase) {
    return Identity.pbkdf2Seed(mnemonic, passphrase);
  }
}
