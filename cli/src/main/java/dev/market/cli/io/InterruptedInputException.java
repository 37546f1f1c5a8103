package dev.market.cli.io;

/** The user pressed Ctrl-C at a prompt (exit 130). */
public final class InterruptedInputException extends RuntimeException {
  public InterruptedInputException() {
    super("interrupted");
  }
}
