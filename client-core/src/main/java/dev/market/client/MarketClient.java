package dev.market.client;

import dev.market.client.auth.Identity;
import dev.market.client.model.Contract;
import dev.market.client.model.ContractEvent;
import dev.market.client.model.ContractStatus;
import dev.market.client.model.Offering;
import dev.market.client.model.RentalCreated;
import dev.market.client.model.RentalRequest;
import dev.market.client.model.UserNotification;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The marketplace API client (protocol section 4): one method per endpoint. Build one per process
 * and share it; it is thread-safe. Every failure is a {@link
 * dev.market.client.error.MarketException}.
 *
 * <p>SKELETON: signatures are the contract other modules code against; bodies to be completed.
 */
public final class MarketClient implements AutoCloseable {

  private MarketClient(Builder b) {}

  public static Builder builder() {
    return new Builder();
  }

  /** The identity requests are signed with, or {@code null} for an anonymous client. */
  public Identity identity() {
    throw todo();
  }

  // ---- offerings ----

  /** {@code GET /offerings}: one page. */
  public List<Offering> listOfferings(OfferingQuery query) {
    throw todo();
  }

  /**
   * Every offering matching {@code query} (its offset is the start; its limit the page size), pages
   * fetched lazily as the stream is consumed: constant memory for any result size. Close the stream
   * or consume it fully.
   */
  public Stream<Offering> streamOfferings(OfferingQuery query) {
    throw todo();
  }

  /** {@code GET /offerings/{id}}. */
  public Offering getOffering(long id) {
    throw todo();
  }

  /** {@code GET /providers/{pubkey}/offerings}. */
  public List<Offering> providerOfferings(String providerPubkey) {
    throw todo();
  }

  /** {@code POST /providers/{me}/offerings}: publishes an offering; returns its numeric id. */
  public long createOffering(Offering offering) {
    throw todo();
  }

  // ---- renter ----

  /** {@code POST /contracts} with a fresh idempotency key, reused on every retry of this call. */
  public RentalCreated rent(RentalRequest request) {
    throw todo();
  }

  /** {@code POST /contracts} with the caller's idempotency key. */
  public RentalCreated rent(RentalRequest request, String idempotencyKey) {
    throw todo();
  }

  /** {@code GET /contracts/{id}}. */
  public Contract getContract(String contractId) {
    throw todo();
  }

  /** {@code GET /users/{me}/contracts}: my rentals, newest first. */
  public List<Contract> myRentals() {
    throw todo();
  }

  /** {@code PUT /contracts/{id}/cancel}; returns the server's message. */
  public String cancel(String contractId, String memo) {
    throw todo();
  }

  /** {@code GET /contracts/{id}/credentials}: the encrypted-credentials JSON string (section 7). */
  public String encryptedCredentials(String contractId) {
    throw todo();
  }

  /** Fetches and decrypts the credentials with this client's identity: the root password. */
  public String credentials(String contractId) {
    throw todo();
  }

  /** {@code GET /contracts/{id}/events}: oldest first. */
  public List<ContractEvent> events(String contractId) {
    throw todo();
  }

  // ---- provider ----

  /** {@code GET /provider/rental-requests/pending}. */
  public List<Contract> pendingRequests() {
    throw todo();
  }

  /** {@code POST /provider/rental-requests/{id}/respond} with {@code accept:true}. */
  public String accept(String contractId, String memo) {
    throw todo();
  }

  /** {@code POST /provider/rental-requests/{id}/respond} with {@code accept:false}. */
  public String reject(String contractId, String memo) {
    throw todo();
  }

  /**
   * {@code PUT /provider/rental-requests/{id}/provisioning}.
   *
   * @param status {@code provisioning}, {@code provisioned}, {@code active}, {@code
   *     provisioningfailed} or {@code cancelled}
   * @param instanceDetails JSON object string (section 7) for {@code provisioned}, a reason for
   *     failure or cancellation, else {@code null}
   */
  public String updateProvisioning(String contractId, String status, String instanceDetails) {
    throw todo();
  }

  /** {@code GET /providers/{me}/contracts}: all my contracts as provider. */
  public List<Contract> providerContracts() {
    throw todo();
  }

  /** {@code GET /provider/settings/auto-accept}. */
  public boolean autoAccept() {
    throw todo();
  }

  /** {@code PUT /provider/settings/auto-accept}; returns the stored value. */
  public boolean setAutoAccept(boolean on) {
    throw todo();
  }

  // ---- notifications ----

  /** {@code GET /users/{me}/notifications}: newest 50. */
  public List<UserNotification> notifications() {
    throw todo();
  }

  /** {@code GET /users/{me}/notifications/unread-count}. */
  public long unreadCount() {
    throw todo();
  }

  /** {@code POST /users/{me}/notifications/mark-read}; an empty list marks all. */
  public void markRead(List<Long> ids) {
    throw todo();
  }

  /** {@code GET /health}: the server's message. */
  public String health() {
    throw todo();
  }

  // ---- waiting ----

  /**
   * Polls {@code GET /contracts/{id}} with backoff until the contract is in {@code target} or later
   * along the normal flow ({@code REACHED}), in a terminal state that cannot reach it ({@code
   * UNREACHABLE}, returned at once), or {@code timeout} passes ({@code TIMED_OUT}).
   */
  public AwaitResult awaitStatus(String contractId, ContractStatus target, Duration timeout) {
    return awaitStatus(contractId, target, timeout, c -> {});
  }

  /** As {@link #awaitStatus(String, ContractStatus, Duration)}, reporting every state seen. */
  public AwaitResult awaitStatus(
      String contractId, ContractStatus target, Duration timeout, Consumer<Contract> onPoll) {
    throw todo();
  }

  @Override
  public void close() {}

  private static UnsupportedOperationException todo() {
    return new UnsupportedOperationException("not implemented yet");
  }

  /** Configures a {@link MarketClient}. */
  public static final class Builder {
    private Builder() {}

    /** The server's root, e.g. {@code http://127.0.0.1:8787}; {@code /api/v1} is appended. */
    public Builder baseUrl(String baseUrl) {
      return this;
    }

    /** Signs requests with this identity; without one only public endpoints work. */
    public Builder identity(Identity identity) {
      return this;
    }

    /** The clock for {@code X-Timestamp} and waiting; the system clock by default. */
    public Builder clock(Clock clock) {
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      return this;
    }

    /** Attempts per call including the first, 3 by default; 1 disables retries. */
    public Builder maxAttempts(int attempts) {
      return this;
    }

    /** First backoff delay (doubled per attempt, with jitter); 200 ms by default. */
    public Builder retryBaseDelay(Duration delay) {
      return this;
    }

    /** Cap on any single wait, including a server's {@code Retry-After}; 10 s by default. */
    public Builder maxRetryDelay(Duration delay) {
      return this;
    }

    public Builder userAgent(String userAgent) {
      return this;
    }

    /**
     * Dry run: every call prepares and signs its request, hands it to {@code sink}, sends nothing
     * and throws {@link DryRunException}.
     */
    public Builder dryRun(Consumer<PreparedRequest> sink) {
      return this;
    }

    public MarketClient build() {
      return new MarketClient(this);
    }
  }
}
