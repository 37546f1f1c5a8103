package dev.market.client.auth;

import java.nio.file.Path;

/**
 * A key file that cannot be saved, found, trusted or opened. {@link #kind()} says which, so a CLI
 * can pick its exit code and hint; the message names the identity or file and never contains the
 * secret or the passphrase.
 */
public final class IdentityStoreException extends RuntimeException {
  /** What went wrong. */
  public enum Kind {
    /** The name is not 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit. */
    INVALID_NAME,
    /** No key file of that name. */
    NOT_FOUND,
    /** Saving would overwrite an existing key file. */
    ALREADY_EXISTS,
    /** The key file or directory is accessible by group or others; the message gives the chmod. */
    INSECURE_PERMISSIONS,
    /** The file is encrypted and the supplier gave no passphrase. */
    PASSPHRASE_REQUIRED,
    /** The passphrase does not open the file. */
    WRONG_PASSPHRASE,
    /** The file is not a key file this version can read, or its contents are inconsistent. */
    CORRUPT,
    /** Reading or writing failed. */
    IO
  }

  /** What went wrong. */
  private final Kind kind;

  /** The file involved; not serialized ({@link Path} is not serializable). */
  private final transient Path file;

  /**
   * A failure.
   *
   * @param kind what went wrong
   * @param file the key file or directory involved, or {@code null}
   * @param message a sentence naming it
   * @param cause the underlying I/O error, or {@code null}
   */
  public IdentityStoreException(Kind kind, Path file, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.file = file;
  }

  /**
   * What went wrong.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The key file or directory involved.
   *
   * @return the path, or {@code null} (e.g. for an invalid name)
   */
  public Path file() {
    return file;
  }
}
