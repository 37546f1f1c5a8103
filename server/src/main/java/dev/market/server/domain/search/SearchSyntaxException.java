package dev.market.server.domain.search;

/**
 * A search expression that cannot be understood. The message names the offending field or token and
 * its 1-based column, so it can be shown to the user as it is.
 */
public final class SearchSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int column;

  public SearchSyntaxException(String message, int column) {
    super(message);
    this.column = column;
  }

  /** 1-based column of the problem in the expression; 0 when it concerns the whole expression. */
  public int column() {
    return column;
  }
}
