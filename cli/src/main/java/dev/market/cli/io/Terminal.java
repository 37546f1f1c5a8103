package dev.market.cli.io;

/**
 * What the CLI knows about the user's terminal, and the only way it talks to a person directly
 * (prompts, no-echo secrets, a seed phrase shown once). Results go to stdout through the context,
 * never through here. The system implementation is JLine-backed and created lazily; tests pass a
 * scripted one.
 */
public interface Terminal {

  /** Whether stdin is a terminal: prompting is allowed only then. */
  boolean stdinIsTerminal();

  /** Whether stdout is a terminal: tables fit its width, colours and progress only then. */
  boolean stdoutIsTerminal();

  /** Whether stderr is a terminal: progress lines go there only then. */
  boolean stderrIsTerminal();

  /** Both ends are a person: a dialog may be opened. */
  default boolean isInteractive() {
    return stdinIsTerminal() && stdoutIsTerminal();
  }

  /** Columns available to stdout, or 0 when unlimited (not a terminal). */
  int width();

  /**
   * Prompts and reads one line with echo.
   *
   * @return the line without its terminator, or {@code null} at end of input
   * @throws InterruptedInputException when the user pressed Ctrl-C
   */
  String readLine(String prompt);

  /**
   * Prompts and reads one line without echo. The caller wipes the array.
   *
   * @return the characters, or {@code null} at end of input
   * @throws InterruptedInputException when the user pressed Ctrl-C
   */
  char[] readSecret(String prompt);

  /**
   * Writes text straight to the terminal device, never to a redirected stdout: for what must be
   * seen once and must not land in a pipe or a log (a new seed phrase).
   */
  void show(String text);
}
