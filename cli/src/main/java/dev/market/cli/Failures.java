package dev.market.cli;

import dev.market.client.error.MarketException;
import java.util.List;
import java.util.Locale;

/**
 * The error handler's mapping, for commands that report one result per item ({@code accept A B C}):
 * each failure gets its own {@code error:} line and the run exits with the most severe code.
 */
public final class Failures {
  /** Most severe first: a bug or an interrupt outranks a key problem, which outranks the rest. */
  private static final List<Integer> SEVERITY =
      List.of(
          ExitCodes.INTERRUPTED,
          ExitCodes.UNEXPECTED,
          ExitCodes.AUTH,
          ExitCodes.UNAVAILABLE,
          ExitCodes.REFUSED,
          ExitCodes.USAGE);

  private Failures() {}

  /** The exit code the one error handler gives {@code t}. */
  public static int exitCode(Throwable t) {
    return ErrorHandler.exitCode(t);
  }

  /** The more severe of two exit codes (0 is the least). */
  public static int mostSevere(int a, int b) {
    int ra = SEVERITY.indexOf(a);
    int rb = SEVERITY.indexOf(b);
    if (ra < 0) {
      return b == ExitCodes.OK ? a : b;
    }
    if (rb < 0) {
      return a;
    }
    return ra <= rb ? a : b;
  }

  /**
   * What went wrong, on one line, without the operation prefix the caller supplies: the server's
   * words, led by its code when they do not already say it ({@code invalid transition: contract is
   * rejected; it cannot become accepted}). Only wording: which hint or exit code a failure gets is
   * decided by its type and {@link MarketException#errorCode()}, never by these words.
   */
  public static String reason(Throwable t) {
    if (t instanceof MarketException e) {
      String message = e.serverMessage() == null ? "" : e.serverMessage();
      String code = e.code() == null ? null : e.code().replace('_', ' ');
      // say the code once: our server's invalid_transition messages already start with it
      if (code != null && !message.toLowerCase(Locale.ROOT).contains(code)) {
        message = message.isEmpty() ? code : code + ": " + message;
      }
      return ErrorHandler.oneLine(message);
    }
    if (t instanceof CliException) {
      return ErrorHandler.oneLine(t.getMessage());
    }
    return ErrorHandler.oneLine(
        "unexpected " + t.getClass().getSimpleName() + ": " + t.getMessage());
  }

  /** Server text must not forge extra lines or terminal escapes on stderr. */
  public static String oneLine(String s) {
    return ErrorHandler.oneLine(s);
  }
}
