package dev.market.cli;

/**
 * A failure the user can act on, raised by the CLI itself (not by the marketplace): printed as one
 * {@code error:} line and an optional {@code hint:} line, then the process exits with {@link
 * #exitCode()}. The message names the operation and the object: {@code rent offering 7: no SSH key
 * given}.
 */
public final class CliException extends RuntimeException {
  private final int exitCode;
  private final String hint;

  public CliException(int exitCode, String message, String hint) {
    super(message);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  public CliException(int exitCode, String message, String hint, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  /** Bad flags, arguments or input (exit 2). */
  public static CliException usage(String message, String hint) {
    return new CliException(ExitCodes.USAGE, message, hint);
  }

  /** Identity, key file or permission problem (exit 4). */
  public static CliException identity(String message, String hint) {
    return new CliException(ExitCodes.AUTH, message, hint);
  }

  /** The request cannot be done in the object's current state (exit 3). */
  public static CliException refused(String message, String hint) {
    return new CliException(ExitCodes.REFUSED, message, hint);
  }

  public int exitCode() {
    return exitCode;
  }

  /** The exact command to try next, or {@code null}. */
  public String hint() {
    return hint;
  }
}
