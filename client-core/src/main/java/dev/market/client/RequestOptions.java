package dev.market.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-call settings, passed as the last argument of any service method: a timeout, an idempotency
 * key, a dry run. Immutable; {@link #DEFAULT} is what the overloads without options use.
 *
 * <pre>{@code
 * RequestOptions opts = RequestOptions.builder().timeout(Duration.ofSeconds(5)).build();
 * Contract c = client.rentals().get(id, opts).value();
 * }</pre>
 */
public final class RequestOptions {
  /** The client's defaults: its read timeout, a fresh key where one is needed, really sent. */
  public static final RequestOptions DEFAULT = new Builder().build();

  private final Duration timeout;
  private final String idempotencyKey;
  private final boolean dryRun;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.idempotencyKey = b.idempotencyKey;
    this.dryRun = b.dryRun;
  }

  /** A new builder, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.idempotencyKey = idempotencyKey;
    b.dryRun = dryRun;
    return b;
  }

  /**
   * How long the server may stay silent on each attempt of this call, overriding {@link
   * MarketClient.Builder#readTimeout}; {@code null} for the client's.
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The {@code Idempotency-Key} sent on every attempt of this call, or {@code null}: {@link
   * RentalService#create} then generates one (a random UUID) and other calls send none.
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * Whether the call only prepares and signs its request, sends nothing and answers {@link
   * Outcome.DryRun}. The prepared body is exactly what would be sent, so it may hold a secret (the
   * root password of {@link Provisioning#done}): redact before printing.
   */
  public boolean dryRun() {
    return dryRun;
  }

  /** Configures {@link RequestOptions}. */
  public static final class Builder {
    private Duration timeout;
    private String idempotencyKey;
    private boolean dryRun;

    private Builder() {}

    /** Per-attempt read timeout for this call; must be positive. */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The idempotency key: calling {@link RentalService#create} again with the same key and request
     * returns the first answer instead of renting again (docs/protocol.md section 8).
     *
     * @param key 1 to 255 printable ASCII characters, or {@code null} for none
     * @throws IllegalArgumentException for any other key
     */
    public Builder idempotencyKey(String key) {
      if (key != null
          && (key.isEmpty()
              || key.length() > 255
              || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
        throw new IllegalArgumentException(
            "the idempotency key must be 1 to 255 printable ASCII characters");
      }
      this.idempotencyKey = key;
      return this;
    }

    /** Prepare and sign, send nothing; see {@link RequestOptions#dryRun()}. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions r
        && Objects.equals(timeout, r.timeout)
        && Objects.equals(idempotencyKey, r.idempotencyKey)
        && dryRun == r.dryRun;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, idempotencyKey, dryRun);
  }

  @Override
  public String toString() {
    return "RequestOptions[timeout="
        + timeout
        + ", idempotencyKey="
        + idempotencyKey
        + ", dryRun="
        + dryRun
        + "]";
  }
}
