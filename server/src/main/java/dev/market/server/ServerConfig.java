package dev.market.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a server needs to start. Immutable; build with {@link #builder()}.
 *
 * @param db a SQLite file path or a {@code jdbc:postgresql://} URL
 * @param clock the server's clock: signatures' timestamps and every stored time come from it
 * @param replayStore false only in the benchmark that measures the replay guard's cost (nothing
 *     refuses a replayed request then); {@code ServerMain} refuses it unless {@code
 *     -Dmarket.bench=true}
 * @param readNonceFlush how often read nonces are written to the shared table: another process
 *     refuses a replayed read at most this long (plus one commit) after the first use
 * @param requireVerifiedEmail renting needs an account whose e-mail address an operator verified
 *     (Decent Cloud's rule); off by default
 */
public record ServerConfig(
    String host,
    int port,
    String db,
    Clock clock,
    boolean demo,
    boolean rateLimitsEnabled,
    int signerRentsPerMinute,
    int signerRentBurst,
    int addressRequestsPerMinute,
    int addressRequestBurst,
    int maxBodyBytes,
    Duration sweepInterval,
    Duration signatureWindow,
    boolean replayStore,
    Duration readNonceFlush,
    Duration requestExpiry,
    Duration provisioningTimeout,
    boolean demoPayments,
    boolean requireVerifiedEmail) {

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(signatureWindow, "signatureWindow");
    Objects.requireNonNull(readNonceFlush, "readNonceFlush");
    Objects.requireNonNull(requestExpiry, "requestExpiry");
    Objects.requireNonNull(provisioningTimeout, "provisioningTimeout");
    if (requestExpiry.isNegative() || requestExpiry.isZero()) {
      throw new IllegalArgumentException("the request expiry must be positive");
    }
    if (provisioningTimeout.isNegative() || provisioningTimeout.isZero()) {
      throw new IllegalArgumentException("the provisioning timeout must be positive");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
  }

  /** Like the record's, but a password in a JDBC URL is never printed. */
  @Override
  public String toString() {
    return "ServerConfig[host=%s, port=%d, db=%s, demo=%s, rateLimits=%s (rent %d/min burst %d, address %d/min burst %d), maxBodyBytes=%d]"
        .formatted(
            host,
            port,
            db.replaceAll("(?i)(password=)[^&]*", "$1***"),
            demo,
            rateLimitsEnabled,
            signerRentsPerMinute,
            signerRentBurst,
            addressRequestsPerMinute,
            addressRequestBurst,
            maxBodyBytes);
  }

  /** Whether deposits and withdrawals go through the demo provider (instant play money). */
  public boolean paymentsAreDemo() {
    return demo || demoPayments;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The SQLite file used when no {@code --db} is given: under $XDG_DATA_HOME or ~/.local/share. */
  public static String defaultDb() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("market").resolve("market.db").toString();
  }

  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .db(db)
        .clock(clock)
        .demo(demo)
        .rateLimitsEnabled(rateLimitsEnabled)
        .signerRentsPerMinute(signerRentsPerMinute)
        .signerRentBurst(signerRentBurst)
        .addressRequestsPerMinute(addressRequestsPerMinute)
        .addressRequestBurst(addressRequestBurst)
        .maxBodyBytes(maxBodyBytes)
        .sweepInterval(sweepInterval)
        .signatureWindow(signatureWindow)
        .replayStore(replayStore)
        .readNonceFlush(readNonceFlush)
        .requestExpiry(requestExpiry)
        .provisioningTimeout(provisioningTimeout)
        .demoPayments(demoPayments)
        .requireVerifiedEmail(requireVerifiedEmail);
  }

  /** Defaults are the protocol's: port 8787, 64 KiB bodies, ±5 min signatures, rate limits on. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8787;
    private String db = defaultDb();
    private Clock clock = Clock.systemUTC();
    private boolean demo;
    private boolean rateLimitsEnabled = true;
    private int signerRentsPerMinute = 60;
    private int signerRentBurst = 60;
    private int addressRequestsPerMinute = 1_200;
    private int addressRequestBurst = 600;
    private int maxBodyBytes = 64 * 1024;
    private Duration sweepInterval = Duration.ofSeconds(2);
    private Duration signatureWindow = Duration.ofMinutes(5);
    private boolean replayStore = true;
    private Duration readNonceFlush = Duration.ofMillis(100);
    private Duration requestExpiry = Duration.ofHours(24);
    private Duration provisioningTimeout = Duration.ofHours(24);
    private boolean demoPayments;
    private boolean requireVerifiedEmail;

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder db(String v) {
      db = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public Builder demo(boolean v) {
      demo = v;
      return this;
    }

    public Builder rateLimitsEnabled(boolean v) {
      rateLimitsEnabled = v;
      return this;
    }

    public Builder signerRentsPerMinute(int v) {
      signerRentsPerMinute = v;
      return this;
    }

    public Builder signerRentBurst(int v) {
      signerRentBurst = v;
      return this;
    }

    public Builder addressRequestsPerMinute(int v) {
      addressRequestsPerMinute = v;
      return this;
    }

    public Builder addressRequestBurst(int v) {
      addressRequestBurst = v;
      return this;
    }

    public Builder maxBodyBytes(int v) {
      maxBodyBytes = v;
      return this;
    }

    public Builder sweepInterval(Duration v) {
      sweepInterval = v;
      return this;
    }

    public Builder signatureWindow(Duration v) {
      signatureWindow = v;
      return this;
    }

    public Builder replayStore(boolean v) {
      replayStore = v;
      return this;
    }

    public Builder readNonceFlush(Duration v) {
      readNonceFlush = v;
      return this;
    }

    /** How long a request may wait for the provider's answer before it expires. */
    public Builder requestExpiry(Duration v) {
      requestExpiry = v;
      return this;
    }

    /** How long a contract may stay accepted or provisioning before provisioning fails. */
    public Builder provisioningTimeout(Duration v) {
      provisioningTimeout = v;
      return this;
    }

    /** The demo payment provider without the demo offerings (tests). */
    public Builder demoPayments(boolean v) {
      demoPayments = v;
      return this;
    }

    /** Renting needs an account with a verified e-mail address (off by default). */
    public Builder requireVerifiedEmail(boolean v) {
      requireVerifiedEmail = v;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          db,
          clock,
          demo,
          rateLimitsEnabled,
          signerRentsPerMinute,
          signerRentBurst,
          addressRequestsPerMinute,
          addressRequestBurst,
          maxBodyBytes,
          sweepInterval,
          signatureWindow,
          replayStore,
          readNonceFlush,
          requestExpiry,
          provisioningTimeout,
          demoPayments,
          requireVerifiedEmail);
    }
  }
}
