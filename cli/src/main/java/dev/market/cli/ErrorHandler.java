package dev.market.cli;

import dev.market.cli.io.InterruptedInputException;
import dev.market.client.DryRunException;
import dev.market.client.error.AuthException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.MarketException;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.RateLimitedException;
import dev.market.client.error.RefusedException;
import dev.market.client.error.UnauthorizedException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.crypto.InvalidMnemonicException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place failures become output and exit codes (STYLE.md): one {@code error:} line naming
 * the operation and the object, an optional {@code hint:} line with the exact command to try, a
 * stack trace only with {@code --debug}.
 */
final class ErrorHandler
    implements IExecutionExceptionHandler, IExitCodeExceptionMapper, IParameterExceptionHandler {
  private final CliContext ctx;

  ErrorHandler(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public int getExitCode(Throwable t) {
    return exitCode(t);
  }

  /** The exit code for any failure; also used by commands that report several results. */
  static int exitCode(Throwable t) {
    if (t instanceof CliException e) {
      return e.exitCode();
    }
    if (t instanceof RefusedException) {
      return ExitCodes.REFUSED;
    }
    if (t instanceof AuthException || t instanceof InvalidMnemonicException) {
      return ExitCodes.AUTH;
    }
    if (t instanceof UnavailableException) {
      return ExitCodes.UNAVAILABLE;
    }
    if (t instanceof ParameterException) {
      return ExitCodes.USAGE;
    }
    if (t instanceof InterruptedException || t instanceof InterruptedInputException) {
      return ExitCodes.INTERRUPTED;
    }
    if (t instanceof DryRunException) {
      return ExitCodes.OK;
    }
    return ExitCodes.UNEXPECTED;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    if (ex instanceof DryRunException) {
      return ExitCodes.OK; // the request was printed by the dry-run sink
    }
    if (ex instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    PrintWriter err = ctx.err();
    err.println("error: " + oneLine(message(ex, cmd)));
    String hint = hint(ex);
    if (hint != null) {
      err.println("hint: " + oneLine(hint));
    }
    if (ctx.debug()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return exitCode(ex);
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ctx.err();
    // never picocli's own text: it lists unmatched arguments, which may be a pasted seed phrase
    err.println("error: " + oneLine(UsageErrors.message(ex, args)));
    err.println("hint: " + oneLine(UsageErrors.hint(ex)));
    if (ctx.debug()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  private static String message(Exception ex, CommandLine cmd) {
    if (ex instanceof CliException || ex instanceof MarketException) {
      return ex.getMessage();
    }
    String name = cmd.getCommandSpec().qualifiedName().replaceFirst("^market ", "");
    if (ex instanceof InvalidMnemonicException) {
      return name + ": invalid seed phrase: " + ex.getMessage();
    }
    if (ex instanceof InterruptedException || ex instanceof InterruptedInputException) {
      return name + ": interrupted";
    }
    return name + ": unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
  }

  private String hint(Exception ex) {
    if (ex instanceof CliException e) {
      return e.hint();
    }
    if (ex instanceof RateLimitedException e && e.retryAfter() != null) {
      return "the marketplace asks to wait " + e.retryAfter().toSeconds() + "s before retrying";
    }
    if (ex instanceof UnavailableException) {
      return "check that the marketplace is running at "
          + ctx.apiUrl()
          + " (or pass --api-url URL); retrying may help";
    }
    if (ex instanceof UnauthorizedException e) {
      String said = e.serverMessage() == null ? "" : e.serverMessage().toLowerCase(Locale.ROOT);
      if (said.contains("timestamp")) {
        return "check this computer's clock: signatures are accepted within 5 minutes of the"
            + " marketplace's time";
      }
      return "market identity show";
    }
    if (ex instanceof dev.market.client.error.InsufficientFundsException) {
      return "market wallet   (then: market wallet deposit AMOUNT)";
    }
    if (ex instanceof ForbiddenException) {
      return "market identity list   (is the right identity active?)";
    }
    if (ex instanceof InvalidMnemonicException) {
      return "check the words and their order; the phrase has 12 or 24 words";
    }
    if (ex instanceof NotFoundException e && e.operation() != null) {
      if (e.operation().contains("contract")) {
        return "market rentals   (contracts of other renters are not visible)";
      }
      if (e.operation().contains("offering")) {
        return "market offerings list";
      }
    }
    if (ex instanceof MarketException || ex instanceof InterruptedException) {
      return null;
    }
    if (ex instanceof InterruptedInputException) {
      return null;
    }
    return "rerun with --debug to see the stack trace, and report it";
  }

  /** Server text must not forge extra lines or terminal escapes on stderr. */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return b.toString().strip();
  }
}
