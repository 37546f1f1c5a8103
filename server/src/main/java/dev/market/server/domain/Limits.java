package dev.market.server.domain;

/** Rental limits not covered by {@link dev.market.server.domain.validation.Limits}. */
public final class Limits {
  public static final int SHORT_TEXT_CHARS = 200;
  public static final int IDEMPOTENCY_KEY_CHARS = 255;
  public static final long DEFAULT_DURATION_HOURS = 720;

  private Limits() {}
}
