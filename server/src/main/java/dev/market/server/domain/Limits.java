package dev.market.server.domain;

/** Length caps of protocol sections 4, 7 and 9. */
public final class Limits {
  public static final int MEMO_CHARS = 1_000;
  public static final int SHORT_TEXT_CHARS = 200;
  public static final int INSTANCE_DETAILS_BYTES = 8 * 1024;
  public static final int IDEMPOTENCY_KEY_CHARS = 255;
  public static final long DEFAULT_DURATION_HOURS = 720;

  private Limits() {}
}
