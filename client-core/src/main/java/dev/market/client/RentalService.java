package dev.market.client;

import static dev.market.client.internal.Envelopes.data;
import static dev.market.client.internal.Envelopes.dataNode;
import static dev.market.client.internal.Envelopes.json;
import static dev.market.client.internal.Envelopes.message;
import static dev.market.client.internal.Envelopes.unreadable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.UnavailableException;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.Args;
import dev.market.client.internal.RetryPolicy;
import dev.market.client.internal.Sleeper;
import dev.market.protocol.crypto.Credentials;
import dev.market.protocol.crypto.CredentialsException;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rentals, the renter's side of a contract: renting, reading, cancelling, credentials, history and
 * waiting for a status. Reached through {@link MarketClient#rentals()}. Each method has an overload
 * taking {@link RequestOptions} that answers an {@link Outcome}.
 */
public final class RentalService {
  private static final TypeReference<List<ContractEvent>> EVENTS = new TypeReference<>() {};

  private final Api api;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollFirst;
  private final Duration pollMax;

  RentalService(Api api, Clock clock, Sleeper sleeper, Duration pollFirst, Duration pollMax) {
    this.api = api;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollFirst = pollFirst;
    this.pollMax = pollMax;
  }

  /**
   * {@code POST /contracts} with a fresh idempotency key (a random UUID), reused on every retry of
   * this call: a retried rent never rents twice on a server that honours the key.
   */
  public RentalCreated create(RentalRequest request) {
    return create(request, RequestOptions.DEFAULT).value();
  }

  /**
   * As {@link #create(RentalRequest)}; {@link RequestOptions#idempotencyKey()}, when set, replaces
   * the fresh key: calling again with the same key and request returns the first answer instead of
   * renting again (docs/protocol.md section 8). On a server that ignores the key (Decent Cloud) a
   * lost answer is never repeated blindly: see {@link SafeRent}.
   *
   * @throws dev.market.client.error.OutcomeUnknownException when the answer was lost and the rental
   *     could neither be repeated safely nor found
   */
  public Outcome<RentalCreated> create(RentalRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request");
    String op = "rent offering " + request.offeringDbId();
    String key =
        options.idempotencyKey() == null ? UUID.randomUUID().toString() : options.idempotencyKey();
    ApiRequest call =
        new ApiRequest(
            op,
            "POST",
            List.of("contracts"),
            List.of(),
            json(request),
            true,
            RetryPolicy.Kind.IDEMPOTENT_WITH_KEY,
            key);
    // a lost answer is never repeated blindly where the key is ignored (Decent Cloud)
    return new SafeRent(api, clock, this)
        .rent(
            op,
            request,
            call,
            options,
            env -> {
              RentalCreated created = data(env, op, RentalCreated.class);
              if (created.contractId() == null || created.contractId().isBlank()) {
                throw unreadable(op, "the answer has no contractId");
              }
              return created;
            });
  }

  /** {@code GET /contracts/{id}}: as the renter or the provider of the contract. */
  public Contract get(String contractId) {
    return get(contractId, RequestOptions.DEFAULT).value();
  }

  /** As {@link #get(String)}, with per-call options. */
  public Outcome<Contract> get(String contractId, RequestOptions options) {
    String op = "get contract " + Args.shortId(contractId);
    return api.call(
        ApiRequest.signedGet(op, List.of("contracts", Args.contractId(op, contractId))),
        options,
        env -> Contracts.one(env, op));
  }

  /** {@code GET /users/{me}/contracts}: my rentals, newest first. */
  public List<Contract> list() {
    return list(RequestOptions.DEFAULT).value();
  }

  /** As {@link #list()}, with per-call options. */
  public Outcome<List<Contract>> list(RequestOptions options) {
    String op = "list my rentals";
    return api.call(
        ApiRequest.signedGet(op, List.of("users", api.me(op), "contracts")),
        options,
        env -> Contracts.list(env, op));
  }

  /**
   * {@code PUT /contracts/{id}/cancel} as the renter; returns the server's message.
   *
   * @param memo why, or {@code null}
   */
  public String cancel(String contractId, String memo) {
    return cancel(contractId, memo, RequestOptions.DEFAULT).value();
  }

  /** As {@link #cancel(String, String)}, with per-call options. */
  public Outcome<String> cancel(String contractId, String memo, RequestOptions options) {
    String op = "cancel contract " + Args.shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("memo", memo);
    return api.call(
        ApiRequest.signedPut(
            op, List.of("contracts", Args.contractId(op, contractId), "cancel"), json(body)),
        options,
        env -> message(env, op));
  }

  /**
   * {@code GET /contracts/{id}/credentials}: the encrypted-credentials JSON string
   * (docs/protocol.md section 7), readable only with the renter's identity.
   */
  public String encryptedCredentials(String contractId) {
    return encryptedCredentials(contractId, RequestOptions.DEFAULT).value();
  }

  /** As {@link #encryptedCredentials(String)}, with per-call options. */
  public Outcome<String> encryptedCredentials(String contractId, RequestOptions options) {
    String op = "get credentials of contract " + Args.shortId(contractId);
    return api.call(
        ApiRequest.signedGet(
            op, List.of("contracts", Args.contractId(op, contractId), "credentials")),
        options,
        env -> {
          JsonNode data = dataNode(env, op);
          // the protocol sends a JSON string holding JSON; tolerate a server that inlines it
          return data.isTextual() ? data.asText() : data.toString();
        });
  }

  /**
   * Fetches the credentials and decrypts them with this client's identity: the root password. The
   * result is a secret: do not log it. The decryption also checks the credentials were encrypted
   * for this very contract, so a server cannot hand out one contract's password as another's.
   *
   * @throws UnavailableException with code {@code undecryptable_credentials} when the answer cannot
   *     be decrypted (altered, for another key or another contract); the message says which and
   *     holds no key material
   */
  public String credentials(String contractId) {
    return credentials(contractId, RequestOptions.DEFAULT).value();
  }

  /** As {@link #credentials(String)}, with per-call options. */
  public Outcome<String> credentials(String contractId, RequestOptions options) {
    String op = "get credentials of contract " + Args.shortId(contractId);
    api.me(op);
    return encryptedCredentials(contractId, options)
        .map(
            encrypted -> {
              byte[] expected = contractId.length() == 64 ? Hex.decode(contractId) : null;
              try {
                return Credentials.decrypt(api.identity(), expected, encrypted);
              } catch (CredentialsException e) {
                throw new UnavailableException(
                    op, 200, "undecryptable_credentials", e.getMessage(), e);
              }
            });
  }

  /** {@code GET /contracts/{id}/events}: the contract's history, oldest first. */
  public List<ContractEvent> events(String contractId) {
    return events(contractId, RequestOptions.DEFAULT).value();
  }

  /** As {@link #events(String)}, with per-call options. */
  public Outcome<List<ContractEvent>> events(String contractId, RequestOptions options) {
    String op = "list events of contract " + Args.shortId(contractId);
    return api.call(
        ApiRequest.signedGet(op, List.of("contracts", Args.contractId(op, contractId), "events")),
        options,
        env -> data(env, op, EVENTS));
  }

  /**
   * Polls {@code GET /contracts/{id}} with backoff until the contract is in {@code target} or later
   * along the normal flow ({@code REACHED}), in a terminal state that cannot reach it ({@code
   * UNREACHABLE}, returned at once), or {@code timeout} passes ({@code TIMED_OUT}).
   */
  public AwaitResult await(String contractId, ContractStatus target, Duration timeout) {
    return await(contractId, target, timeout, c -> {});
  }

  /**
   * As {@link #await(String, ContractStatus, Duration)}, reporting every state seen to {@code
   * onPoll}. Polls start 500 ms apart and double up to 5 s (see {@link
   * MarketClient.Builder#pollBackoff}), never sleeping past the deadline (taken from the client's
   * clock). A transient failure ({@link UnavailableException}) while polling is ridden out until
   * the deadline; if no poll ever succeeded, the last such failure is thrown then. Refusals and
   * auth failures are thrown at once.
   *
   * @throws IllegalArgumentException for {@code target} {@link ContractStatus#UNKNOWN}
   */
  public AwaitResult await(
      String contractId, ContractStatus target, Duration timeout, Consumer<Contract> onPoll) {
    return await(contractId, target, timeout, onPoll, RequestOptions.DEFAULT).value();
  }

  /**
   * As {@link #await(String, ContractStatus, Duration, Consumer)}, every poll with {@code options};
   * a dry run answers the first poll's request.
   */
  public Outcome<AwaitResult> await(
      String contractId,
      ContractStatus target,
      Duration timeout,
      Consumer<Contract> onPoll,
      RequestOptions options) {
    return await(contractId, target, timeout, onPoll, e -> {}, options);
  }

  /**
   * As {@link #await(String, ContractStatus, Duration, Consumer, RequestOptions)}, telling {@code
   * onOutage} of each transient failure that is ridden out (so a caller can say that it is waiting
   * through an outage).
   */
  public Outcome<AwaitResult> await(
      String contractId,
      ContractStatus target,
      Duration timeout,
      Consumer<Contract> onPoll,
      Consumer<UnavailableException> onOutage,
      RequestOptions options) {
    Objects.requireNonNull(onOutage, "onOutage");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(onPoll, "onPoll");
    if (target == ContractStatus.UNKNOWN) {
      throw new IllegalArgumentException("cannot wait for an unknown status");
    }
    if (options.dryRun()) {
      return get(contractId, options).map(c -> new AwaitResult(AwaitResult.Outcome.REACHED, c));
    }
    Instant deadline = clock.instant().plus(timeout.isNegative() ? Duration.ZERO : timeout);
    Duration delay = pollFirst;
    Contract last = null;
    UnavailableException lastFailure = null;
    while (true) {
      try {
        Contract c = get(contractId, options).value();
        last = c;
        onPoll.accept(c);
        ContractStatus s = c.statusValue();
        if (reached(s, target)) {
          return new Outcome.Sent<>(new AwaitResult(AwaitResult.Outcome.REACHED, c));
        }
        if (s.isTerminal() && !s.canReach(target)) {
          return new Outcome.Sent<>(new AwaitResult(AwaitResult.Outcome.UNREACHABLE, c));
        }
      } catch (UnavailableException e) {
        lastFailure = e;
        onOutage.accept(e);
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        if (last == null) {
          throw lastFailure;
        }
        return new Outcome.Sent<>(new AwaitResult(AwaitResult.Outcome.TIMED_OUT, last));
      }
      Duration left = Duration.between(now, deadline);
      try {
        sleeper.sleep(delay.compareTo(left) < 0 ? delay : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException(
            "wait for contract " + Args.shortId(contractId), 0, null, "interrupted", e);
      }
      delay = delay.multipliedBy(2).compareTo(pollMax) > 0 ? pollMax : delay.multipliedBy(2);
    }
  }

  static boolean reached(ContractStatus status, ContractStatus target) {
    return status == target
        || (status.flowRank() >= 0
            && target.flowRank() >= 0
            && status.flowRank() >= target.flowRank());
  }
}
