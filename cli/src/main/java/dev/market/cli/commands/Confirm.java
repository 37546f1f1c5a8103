package dev.market.cli.commands;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import java.util.Locale;

/** A yes/no question, asked only of a person at a terminal. */
public final class Confirm {
  private Confirm() {}

  /**
   * Asks {@code question [y/N]} on the terminal.
   *
   * @param hint the exact command with {@code --yes}, for when nobody can be asked
   * @return whether the answer was yes
   * @throws CliException exit 2 when stdin or stdout is not a terminal: scripts must say --yes
   */
  public static boolean ask(CliContext ctx, String question, String hint, String operation) {
    if (!ctx.terminal().isInteractive()) {
      throw CliException.usage(
          operation + ": needs confirmation and no terminal to ask; pass --yes", hint);
    }
    String answer = ctx.terminal().readLine(question + " [y/N] ");
    if (answer == null) {
      return false;
    }
    String a = answer.trim().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }
}
