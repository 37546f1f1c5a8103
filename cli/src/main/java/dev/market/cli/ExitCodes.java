package dev.market.cli;

/** The exit codes of STYLE.md; also listed in the top-level {@code --help}. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int UNEXPECTED = 1;
  public static final int USAGE = 2;
  public static final int REFUSED = 3;
  public static final int AUTH = 4;
  public static final int UNAVAILABLE = 5;
  public static final int UNREACHABLE = 6;
  public static final int TIMED_OUT = 8;
  public static final int INTERRUPTED = 130;

  /** The footer of {@code market --help}, in picocli's {@code key:description} form. */
  static final String[] HELP_LIST = {
    "0:success",
    "1:unexpected error (a bug; --debug shows the trace)",
    "2:usage: bad flags or arguments",
    "3:the marketplace refused: not found, invalid, conflict (don't retry)",
    "4:identity, signature or permission problem",
    "5:unavailable: network, 5xx, rate limited (retry may help)",
    "6:--wait: the rental reached a terminal state other than the one waited for",
    "8:--wait: timed out, still in progress",
    "130:interrupted",
  };

  private ExitCodes() {}
}
