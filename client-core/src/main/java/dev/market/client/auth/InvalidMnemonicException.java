package dev.market.client.auth;

/** A seed phrase that is not a valid BIP39 English mnemonic; the message says what is wrong. */
public final class InvalidMnemonicException extends IllegalArgumentException {
  public InvalidMnemonicException(String message) {
    super(message);
  }
}
