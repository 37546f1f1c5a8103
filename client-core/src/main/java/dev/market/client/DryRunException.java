package dev.market.client;

/**
 * Thrown by a client built with {@link MarketClient.Builder#dryRun}: the request was prepared,
 * signed and handed to the sink, and nothing was sent. Not a {@code MarketException}: nothing
 * failed.
 */
public final class DryRunException extends RuntimeException {
  private final transient PreparedRequest request;

  /** A dry run stopped before sending {@code request}. */
  public DryRunException(PreparedRequest request) {
    super("dry run: " + request.method() + " " + request.url() + " not sent");
    this.request = request;
  }

  /** The request that would have been sent, signed. */
  public PreparedRequest request() {
    return request;
  }
}
