package dev.market.client.auth;

import java.nio.file.Path;

/**
 * Asks for the passphrase of an encrypted key file. {@link IdentityStore#load} calls it only when
 * the file is encrypted, so a CLI prompts only when it has to.
 */
@FunctionalInterface
public interface PassphraseSupplier {
  /**
   * The passphrase for one key file.
   *
   * @param identityName the identity being loaded
   * @param keyFile its key file, e.g. to name it in a prompt
   * @return the passphrase, or {@code null} when none can be given (no terminal); the store wipes
   *     the returned array once it has used it
   */
  char[] passphrase(String identityName, Path keyFile);

  /**
   * A supplier that never has a passphrase: loading an encrypted file then fails with {@link
   * IdentityStoreException.Kind#PASSPHRASE_REQUIRED}.
   *
   * @return the supplier
   */
  static PassphraseSupplier none() {
    return (name, file) -> null;
  }
}
