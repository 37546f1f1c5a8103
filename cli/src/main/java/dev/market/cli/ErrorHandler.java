package dev.market.cli;

import dev.market.cli.io.InterruptedInputException;
import dev.market.client.error.AuthException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.MarketException;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.OutcomeUnknownException;
import dev.market.client.error.RateLimitedException;
import dev.market.client.error.RefusedException;
import dev.market.client.error.UnauthorizedException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.crypto.InvalidMnemonicException;
import dev.market.protocol.error.ErrorCode;
import dev.market.protocol.text.TerminalText;
import java.io.PrintWriter;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
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
    return ExitCodes.UNEXPECTED;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    if (ex instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    PrintWriter err = ctx.err();
    err.println("error: " + oneLine(message(ex, cmd)));
    String hint = hint(ex, cmd);
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

  private String hint(Exception ex, CommandLine cmd) {
    if (ex instanceof CliException e) {
      return e.hint();
    }
    if (ex instanceof RateLimitedException e && e.retryAfter() != null) {
      return "the marketplace asks to wait " + e.retryAfter().toSeconds() + "s before retrying";
    }
    if (ex instanceof OutcomeUnknownException) {
      return "market rentals   (look for it there before renting again: a repeat may rent twice)";
    }
    if (ex instanceof MarketException e
        && e.errorCode().orElse(null) == ErrorCode.EMAIL_NOT_VERIFIED) {
      return "market account show   (open the verification link the marketplace e-mailed to its"
          + " address, then rent again; no account yet: market account register --username NAME"
          + " --email ADDRESS)";
    }
    if (ex instanceof MarketException e
        && e.errorCode().orElse(null) == ErrorCode.INSUFFICIENT_FUNDS
        && e.status() != ErrorCode.INSUFFICIENT_FUNDS.httpStatus()) {
      // not our server's 402 but Decent Cloud's refusal (HTTP 200, success:false, or a lost
      // answer found cancelled unpaid): its top-up is Stripe on the website
      return "top up your wallet (on Decent Cloud: the website's /dashboard/wallet page), then"
          + " rent again";
    }
    if (ex instanceof UnavailableException && ex.getCause() instanceof UnknownHostException) {
      return "check the host name in "
          + ctx.apiUrl()
          + " (set by --api-url, MARKET_API_URL or config api-url)";
    }
    if (ex instanceof UnavailableException
        && ex.getCause() instanceof SSLException
        && !(ex.getCause() instanceof SSLHandshakeException)
        && ctx.apiUrl().startsWith("https://")) {
      return "if the marketplace speaks plain http: --api-url http://"
          + ctx.apiUrl().substring("https://".length());
    }
    if (ex instanceof UnavailableException) {
      return "check that the marketplace is running at "
          + ctx.apiUrl()
          + " (or pass --api-url URL); retrying may help";
    }
    if (ex instanceof UnauthorizedException e) {
      if (e.errorCode().orElse(null) == ErrorCode.STALE_TIMESTAMP) {
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
    if (ex instanceof MarketException e
        && e.errorCode().orElse(null) == ErrorCode.NO_SUCH_ENDPOINT) {
      return "the marketplace API is not at "
          + ctx.apiUrl()
          + ": check --api-url (MARKET_API_URL, config api-url); it is the server's root, e.g."
          + " http://localhost:8787";
    }
    if (ex instanceof NotFoundException) {
      return notFoundHint(cmd);
    }
    if (ex instanceof MarketException || ex instanceof InterruptedException) {
      return null;
    }
    if (ex instanceof InterruptedInputException) {
      return null;
    }
    return "rerun with --debug to see the stack trace, and report it";
  }

  /**
   * What to look at when the thing a command named does not exist, by the command's noun (its
   * package), not by the words of a message.
   */
  private static String notFoundHint(CommandLine cmd) {
    String pkg = cmd.getCommandSpec().userObject().getClass().getPackageName();
    if (pkg.endsWith(".commands.rentals")) {
      return "market rentals   (contracts of other renters are not visible)";
    }
    if (pkg.endsWith(".commands.provider")) {
      return "market contracts   (contracts of other providers are not visible)";
    }
    if (pkg.endsWith(".commands.offerings") || pkg.endsWith(".commands.rent")) {
      return "market offerings list";
    }
    return null;
  }

  /**
   * Untrusted text on one line of stderr, through the one sanitizer: line breaks become spaces, so
   * a message cannot forge an extra {@code error:} or {@code hint:} line, and every other control
   * or format character (ESC, bidi overrides) is escaped.
   */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    return TerminalText.line(s.replaceAll("[\\r\\n\\t]+", " ")).strip();
  }
}
