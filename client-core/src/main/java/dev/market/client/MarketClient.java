package dev.market.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.UnavailableException;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.RetryPolicy;
import dev.market.client.internal.Sleeper;
import dev.market.client.internal.Transport;
import dev.market.client.internal.Version;
import dev.market.protocol.crypto.Identity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;

/**
 * The marketplace API client (docs/protocol.md section 4), one service per resource: {@link
 * #offerings()}, {@link #rentals()}, {@link #provider()}, {@link #notifications()}, {@link
 * #wallet()}, {@link #terms()} and {@link #accounts()}. Build one per process and share it; it and
 * its services are thread-safe. Every failure is a {@link dev.market.client.error.MarketException}:
 * {@link dev.market.client.error.RefusedException} (the marketplace said no; retrying will not
 * help), {@link dev.market.client.error.AuthException} (identity, signature or permission) or
 * {@link UnavailableException} (network, timeout, 5xx, rate limit, an unreadable answer; retrying
 * may help). The message names the operation and the object: {@code accept contract 3f1c2a9b…:
 * invalid transition from rejected}.
 *
 * <pre>{@code
 * try (MarketClient client = MarketClient.builder()
 *     .baseUrl("http://127.0.0.1:8787")
 *     .identity(Identity.fromMnemonic(phrase))
 *     .build()) {
 *   Offering gpu = client.offerings().list(OfferingQuery.builder().query("type:gpu").limit(1).build()).get(0);
 *   RentalCreated created = client.rentals().create(new RentalRequest(gpu.id(), sshKey, "test", 24L, null, null, null, null));
 *   AwaitResult result = client.rentals().await(created.contractId(), ContractStatus.ACTIVE, Duration.ofMinutes(10));
 * }
 * }</pre>
 *
 * <p><b>Per-call options.</b> Every service method has an overload taking {@link RequestOptions} (a
 * timeout, an idempotency key, a dry run) that answers an {@link Outcome}: {@link Outcome.Sent}
 * with the answer, or {@link Outcome.DryRun} with the signed request that was prepared and not
 * sent.
 *
 * <p><b>Signing.</b> With an identity, every endpoint marked "signed" in the protocol carries the
 * four signing headers, computed afresh for every attempt (a retry gets a new nonce). The public
 * listings ({@code GET /offerings}, {@code GET /providers/{pubkey}/offerings}, {@code /health}) are
 * never signed: they need no identity, stay cacheable, and do not tell the marketplace who browsed
 * what. {@code GET /offerings/{id}} is signed when an identity is set, because the protocol makes
 * its authentication optional so a provider can look at its own non-public offering.
 *
 * <p><b>Retries.</b> GET and PUT are retried on connect failures, timeouts, 502/503/504 and 429
 * (honouring {@code Retry-After}, capped by {@link Builder#maxRetryDelay}); {@link
 * RentalService#create} is too, because its {@code Idempotency-Key} is reused on every attempt; the
 * other POSTs only when the connection could not even be opened. Other 4xx are never retried.
 */
public final class MarketClient implements AutoCloseable {
  /** Await backoff: quick at first (a provider with auto-accept answers in milliseconds). */
  static final Duration POLL_FIRST_DELAY = Duration.ofMillis(500);

  /** Polling a contract more often than this only loads the server. */
  static final Duration POLL_MAX_DELAY = Duration.ofSeconds(5);

  private final Identity identity;
  private final Transport transport;
  private final Api api;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollFirst;
  private final Duration pollMax;

  // made on first use: a command uses one or two, and each costs class loading and reflection
  // (their TypeReferences) at start-up
  private OfferingService offerings;
  private RentalService rentals;
  private ProviderService provider;
  private NotificationService notifications;
  private WalletService wallet;
  private TermsService terms;
  private AccountService accounts;

  private MarketClient(Builder b) {
    if (b.baseUrl == null) {
      throw new IllegalStateException("baseUrl is required, e.g. http://127.0.0.1:8787");
    }
    this.identity = b.identity;
    RetryPolicy policy =
        new RetryPolicy(
            b.maxAttempts,
            b.retryBaseDelay,
            b.maxRetryDelay,
            b.jitter == null ? new ThreadLocalJitter() : b.jitter);
    this.transport =
        new Transport(
            new Transport.Config(
                apiBase(b.baseUrl),
                b.identity,
                b.clock,
                b.connectTimeout,
                b.readTimeout,
                policy,
                b.sleeper,
                b.userAgent == null ? "market/" + Version.get() : b.userAgent));
    this.api = new Api(transport, b.identity);
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.pollFirst = b.pollFirst;
    this.pollMax = b.pollMax;
  }

  /** The default jitter: uniform in [0, 1). A class, not a lambda linked on every start-up. */
  private static final class ThreadLocalJitter implements DoubleSupplier {
    @Override
    public double getAsDouble() {
      return ThreadLocalRandom.current().nextDouble();
    }
  }

  /** {@code root} with {@code /api/v1} appended unless it already ends with it. */
  private static HttpUrl apiBase(String root) {
    String r = root.strip();
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    if (!r.endsWith("/api/v1")) {
      r = r + "/api/v1";
    }
    HttpUrl url = HttpUrl.parse(r);
    if (url == null) {
      throw new IllegalArgumentException(
          "not an http(s) URL: '" + root + "' (expected e.g. http://127.0.0.1:8787)");
    }
    return url;
  }

  /** A new builder; {@link Builder#baseUrl} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Offerings: listings, one offering, publishing. */
  public synchronized OfferingService offerings() {
    if (offerings == null) {
      offerings = new OfferingService(api);
    }
    return offerings;
  }

  /** Rentals: the renter's side of contracts, and waiting for a status. */
  public synchronized RentalService rentals() {
    if (rentals == null) {
      rentals = new RentalService(api, clock, sleeper, pollFirst, pollMax);
    }
    return rentals;
  }

  /** The provider's side: requests, provisioning, my contracts, auto-accept. */
  public synchronized ProviderService provider() {
    if (provider == null) {
      provider = new ProviderService(api);
    }
    return provider;
  }

  /** My notifications. */
  public synchronized NotificationService notifications() {
    if (notifications == null) {
      notifications = new NotificationService(api);
    }
    return notifications;
  }

  /** My wallet: balance, ledger, deposits and withdrawals (amounts in integer e9s). */
  public synchronized WalletService wallet() {
    if (wallet == null) {
      wallet = new WalletService(api);
    }
    return wallet;
  }

  /** What rentals pay for: extensions, auto-renew, the paid period and escrow, reviews. */
  public synchronized TermsService terms() {
    if (terms == null) {
      terms = new TermsService(api);
    }
    return terms;
  }

  /** My account: register one, show it (Decent Cloud requires one with a verified address). */
  public synchronized AccountService accounts() {
    if (accounts == null) {
      accounts = new AccountService(api);
    }
    return accounts;
  }

  /** The identity requests are signed with, or {@code null} for an anonymous client. */
  public Identity identity() {
    return identity;
  }

  /** The API root every path is resolved against, e.g. {@code http://127.0.0.1:8787/api/v1}. */
  public String apiBase() {
    return transport.config().apiBase().toString();
  }

  /** {@code GET /health}: the server's message. Never signed. */
  public String health() {
    ObjectNode env =
        transport.send(ApiRequest.publicGet("check health", List.of("health"), List.of()));
    JsonNode m = env.has("message") ? env.get("message") : env.get("data");
    return m == null || m.isNull() ? "" : m.isTextual() ? m.asText() : m.toString();
  }

  /** Closes the connection pool; calls after this fail. */
  @Override
  public void close() {
    transport.close();
  }

  /** Configures a {@link MarketClient}. */
  public static final class Builder {
    private String baseUrl;
    private Identity identity;
    private Clock clock = Clock.systemUTC();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private Duration retryBaseDelay = Duration.ofMillis(200);
    private Duration maxRetryDelay = Duration.ofSeconds(10);
    private String userAgent; // null: market/<version>, read when built
    private Duration pollFirst = POLL_FIRST_DELAY;
    private Duration pollMax = POLL_MAX_DELAY;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier jitter; // null: ThreadLocalJitter

    private Builder() {}

    /** The server's root, e.g. {@code http://127.0.0.1:8787}; {@code /api/v1} is appended. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Signs requests with this identity; without one only public endpoints work. */
    public Builder identity(Identity identity) {
      this.identity = identity;
      return this;
    }

    /** The clock for {@code X-Timestamp} and waiting; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long opening a connection may take; 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long the server may stay silent while answering; 30 s by default. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** Attempts per call including the first, 3 by default; 1 disables retries. */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** First backoff delay (doubled per attempt, with jitter); 200 ms by default. */
    public Builder retryBaseDelay(Duration delay) {
      this.retryBaseDelay = nonNegative(delay, "retryBaseDelay");
      return this;
    }

    /** Cap on any single wait, including a server's {@code Retry-After}; 10 s by default. */
    public Builder maxRetryDelay(Duration delay) {
      this.maxRetryDelay = nonNegative(delay, "maxRetryDelay");
      return this;
    }

    /** The {@code User-Agent} header; {@code market/<version>} by default. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * The pause between {@link RentalService#await} polls: {@code first}, doubling up to {@code
     * max}; 500 ms and 5 s by default.
     */
    public Builder pollBackoff(Duration first, Duration max) {
      Duration f = positive(first, "first poll delay");
      Duration m = positive(max, "max poll delay");
      if (m.compareTo(f) < 0) {
        throw new IllegalArgumentException("max poll delay " + m + " is below the first " + f);
      }
      this.pollFirst = f;
      this.pollMax = m;
      return this;
    }

    /** How the client waits between retries and polls; tests record the waits instead. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The jitter source, uniform in [0, 1); tests fix it to make backoff exact. */
    Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** The client; fails fast on a missing or malformed base URL. */
    public MarketClient build() {
      return new MarketClient(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }

    private static Duration nonNegative(Duration d, String name) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
