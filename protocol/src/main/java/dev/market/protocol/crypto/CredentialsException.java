package dev.market.protocol.crypto;

/**
 * Encrypted credentials that cannot be produced or opened: malformed JSON, an unsupported version,
 * a tampered ciphertext, nonce or AAD, or credentials encrypted to another identity. The message
 * says which, and never contains key material or plaintext.
 */
public final class CredentialsException extends RuntimeException {
  /**
   * A failure with a message fit to show the user.
   *
   * @param message what is wrong
   */
  public CredentialsException(String message) {
    super(message);
  }
}
