package dev.market.server.domain;

/**
 * The per-signer budget of rental requests, shared by every server process on one database (it caps
 * the rentals one key can spam at providers). {@code enabled} false lets every request in.
 */
public record RentRateLimit(boolean enabled, int perMinute, int burst) {
  public static final RentRateLimit OFF = new RentRateLimit(false, 1, 1);
}
