package dev.market.protocol.crypto;

/** A seed phrase that is not a valid BIP39 English mnemonic; the message says what is wrong. */
public final class InvalidMnemonicException extends IllegalArgumentException {
  /**
   * An invalid phrase.
   *
   * @param message what is wrong; never the phrase itself
   */
  public InvalidMnemonicException(String message) {
    super(message);
  }
}
