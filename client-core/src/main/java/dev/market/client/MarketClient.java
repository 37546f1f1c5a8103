package dev.market.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.MarketException;
import dev.market.client.error.UnauthorizedException;
import dev.market.client.error.UnavailableException;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.ErrorMapper;
import dev.market.client.internal.Ids;
import dev.market.client.internal.RetryPolicy;
import dev.market.client.internal.Sleeper;
import dev.market.client.internal.Transport;
import dev.market.client.internal.Version;
import dev.market.protocol.crypto.Credentials;
import dev.market.protocol.crypto.CredentialsException;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import dev.market.protocol.model.UserNotification;
import dev.market.protocol.text.TerminalText;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;

/**
 * The marketplace API client (docs/protocol.md section 4): one method per endpoint. Build one per
 * process and share it; it is thread-safe. Every failure is a {@link MarketException}: {@link
 * dev.market.client.error.RefusedException} (the marketplace said no; retrying will not help),
 * {@link dev.market.client.error.AuthException} (identity, signature or permission) or {@link
 * UnavailableException} (network, timeout, 5xx, rate limit, an unreadable answer; retrying may
 * help). The message names the operation and the object: {@code accept contract 3f1c2a9b…: invalid
 * transition from rejected}.
 *
 * <pre>{@code
 * try (MarketClient client = MarketClient.builder()
 *     .baseUrl("http://127.0.0.1:8787")
 *     .identity(Identity.fromMnemonic(phrase))
 *     .build()) {
 *   Offering gpu = client.listOfferings(OfferingQuery.builder().query("type:gpu").limit(1).build()).get(0);
 *   RentalCreated created = client.rent(new RentalRequest(gpu.id(), sshKey, "test", 24L, null, null, null, null));
 *   AwaitResult result = client.awaitStatus(created.contractId(), ContractStatus.ACTIVE, Duration.ofMinutes(10));
 * }
 * }</pre>
 *
 * <p><b>Signing.</b> With an identity, every endpoint marked "signed" in the protocol carries the
 * four signing headers, computed afresh for every attempt (a retry gets a new nonce). The public
 * listings ({@code GET /offerings}, {@code GET /providers/{pubkey}/offerings}, {@code /health}) are
 * never signed: they need no identity, stay cacheable, and do not tell the marketplace who browsed
 * what. {@code GET /offerings/{id}} is signed when an identity is set, because the protocol makes
 * its authentication optional so a provider can look at its own non-public offering.
 *
 * <p><b>Retries.</b> GET and PUT are retried on connect failures, timeouts, 502/503/504 and 429
 * (honouring {@code Retry-After}, capped by {@link Builder#maxRetryDelay}); {@link #rent} is too,
 * because its {@code Idempotency-Key} is reused on every attempt; the other POSTs only when the
 * connection could not even be opened. Other 4xx are never retried.
 */
public final class MarketClient implements AutoCloseable {
  /** awaitStatus backoff: quick at first (a provider with auto-accept answers in milliseconds). */
  static final Duration POLL_FIRST_DELAY = Duration.ofMillis(500);

  /** Polling a contract more often than this only loads the server. */
  static final Duration POLL_MAX_DELAY = Duration.ofSeconds(5);

  private static final TypeReference<List<Offering>> OFFERINGS = new TypeReference<>() {};
  private static final TypeReference<List<Contract>> CONTRACTS = new TypeReference<>() {};
  private static final TypeReference<List<ContractEvent>> EVENTS = new TypeReference<>() {};
  private static final TypeReference<List<UserNotification>> NOTIFICATIONS =
      new TypeReference<>() {};

  private final Identity identity;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollFirst;
  private final Duration pollMax;
  private final Transport transport;

  private MarketClient(Builder b) {
    if (b.baseUrl == null) {
      throw new IllegalStateException("baseUrl is required, e.g. http://127.0.0.1:8787");
    }
    this.identity = b.identity;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.pollFirst = b.pollFirst;
    this.pollMax = b.pollMax;
    RetryPolicy policy =
        new RetryPolicy(b.maxAttempts, b.retryBaseDelay, b.maxRetryDelay, b.jitter);
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
                b.userAgent,
                b.dryRun));
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

  /** The identity requests are signed with, or {@code null} for an anonymous client. */
  public Identity identity() {
    return identity;
  }

  /** The API root every path is resolved against, e.g. {@code http://127.0.0.1:8787/api/v1}. */
  public String apiBase() {
    return transport.config().apiBase().toString();
  }

  // ---- offerings ----

  /**
   * {@code GET /offerings}: one page. {@code null} fields of {@code query} are not sent, so the
   * server's defaults apply (50 a page, from offset 0). Never signed.
   */
  public List<Offering> listOfferings(OfferingQuery query) {
    Objects.requireNonNull(query, "query");
    List<Map.Entry<String, String>> params = new ArrayList<>();
    param(params, "limit", query.limit());
    param(params, "offset", query.offset());
    param(params, "product_type", query.productType());
    param(params, "country", query.country());
    param(params, "in_stock_only", query.inStockOnly());
    param(params, "min_price_monthly", plain(query.minPriceMonthly()));
    param(params, "max_price_monthly", plain(query.maxPriceMonthly()));
    param(params, "q", query.q());
    String op = "list offerings";
    return data(
        transport.send(ApiRequest.publicGet(op, List.of("offerings"), params)), op, OFFERINGS);
  }

  /**
   * Every offering matching {@code query} (its offset is the start; its limit the page size, 100 by
   * default and at most 500), pages fetched lazily as the stream is consumed: only one page is held
   * at a time, so any result size takes constant memory. A page shorter than the page size ends the
   * walk. Failures surface from the stream's terminal operation as {@link MarketException}s.
   *
   * @throws IllegalArgumentException when the query's limit is below 1
   */
  public Stream<Offering> streamOfferings(OfferingQuery query) {
    Objects.requireNonNull(query, "query");
    OfferingPager pager = new OfferingPager(query, this::listOfferings);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pager, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * {@code GET /offerings/{id}}. Signed when this client has an identity (see the class comment),
   * so a provider can read its own non-public offering.
   *
   * @throws dev.market.client.error.NotFoundException when there is no such offering
   */
  public Offering getOffering(long id) {
    String op = "get offering " + id;
    ApiRequest call =
        new ApiRequest(
            op,
            "GET",
            List.of("offerings", Long.toString(id)),
            List.of(),
            null,
            identity != null,
            RetryPolicy.Kind.IDEMPOTENT,
            null);
    return data(transport.send(call), op, Offering.class);
  }

  /**
   * {@code GET /providers/{pubkey}/offerings}. Never signed.
   *
   * @param providerPubkey the provider's public key, 64 hex characters
   */
  public List<Offering> providerOfferings(String providerPubkey) {
    String op = "list offerings of provider " + Ids.abbreviate(printable(providerPubkey));
    requirePubkey(op, providerPubkey);
    return data(
        transport.send(
            ApiRequest.publicGet(
                op,
                List.of(
                    "providers", providerPubkey.toLowerCase(java.util.Locale.ROOT), "offerings"),
                List.of())),
        op,
        OFFERINGS);
  }

  /**
   * {@code POST /providers/{me}/offerings}: publishes an offering as this client's identity;
   * returns its numeric id. Not retried once the request may have reached the server (a repeat
   * could publish it twice).
   */
  public long createOffering(Offering offering) {
    Objects.requireNonNull(offering, "offering");
    String op =
        offering.offeringId() == null
            ? "create offering"
            : "create offering " + printable(offering.offeringId());
    String me = me(op);
    JsonNode data =
        dataNode(
            transport.send(
                ApiRequest.signedPost(op, List.of("providers", me, "offerings"), json(offering))),
            op);
    if (data.isIntegralNumber()) {
      return data.longValue();
    }
    if (data.isTextual()) {
      try {
        return Long.parseLong(data.asText().strip());
      } catch (NumberFormatException e) {
        // fall through to the protocol error below
      }
    }
    throw unreadable(op, "expected the new offering's numeric id, got " + kind(data));
  }

  // ---- renter ----

  /**
   * {@code POST /contracts} with a fresh idempotency key (a random UUID), reused on every retry of
   * this call: a retried rent never rents twice on a server that honours the key.
   */
  public RentalCreated rent(RentalRequest request) {
    return rent(request, UUID.randomUUID().toString());
  }

  /**
   * {@code POST /contracts} with the caller's idempotency key: calling again with the same key and
   * request returns the first answer instead of renting again (docs/protocol.md section 8).
   *
   * @param idempotencyKey 1 to 255 printable ASCII characters
   */
  public RentalCreated rent(RentalRequest request, String idempotencyKey) {
    Objects.requireNonNull(request, "request");
    String op = "rent offering " + request.offeringDbId();
    if (idempotencyKey == null
        || idempotencyKey.isEmpty()
        || idempotencyKey.length() > 255
        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidRequestException(
          op,
          0,
          "invalid",
          "the idempotency key must be 1 to 255 printable ASCII characters",
          null);
    }
    ApiRequest call =
        new ApiRequest(
            op,
            "POST",
            List.of("contracts"),
            List.of(),
            json(request),
            true,
            RetryPolicy.Kind.IDEMPOTENT_WITH_KEY,
            idempotencyKey);
    RentalCreated created = data(transport.send(call), op, RentalCreated.class);
    if (created.contractId() == null || created.contractId().isBlank()) {
      throw unreadable(op, "the answer has no contractId");
    }
    return created;
  }

  /** {@code GET /contracts/{id}}: as the renter or the provider of the contract. */
  public Contract getContract(String contractId) {
    String op = "get contract " + shortId(contractId);
    return data(
        transport.send(ApiRequest.signedGet(op, List.of("contracts", contractId(op, contractId)))),
        op,
        Contract.class);
  }

  /** {@code GET /users/{me}/contracts}: my rentals, newest first. */
  public List<Contract> myRentals() {
    String op = "list my rentals";
    return data(
        transport.send(ApiRequest.signedGet(op, List.of("users", me(op), "contracts"))),
        op,
        CONTRACTS);
  }

  /**
   * {@code PUT /contracts/{id}/cancel} as the renter; returns the server's message.
   *
   * @param memo why, or {@code null}
   */
  public String cancel(String contractId, String memo) {
    String op = "cancel contract " + shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("memo", memo);
    return message(
        transport.send(
            ApiRequest.signedPut(
                op, List.of("contracts", contractId(op, contractId), "cancel"), json(body))));
  }

  /**
   * {@code GET /contracts/{id}/credentials}: the encrypted-credentials JSON string
   * (docs/protocol.md section 7), readable only with the renter's identity.
   */
  public String encryptedCredentials(String contractId) {
    String op = "get credentials of contract " + shortId(contractId);
    JsonNode data =
        dataNode(
            transport.send(
                ApiRequest.signedGet(
                    op, List.of("contracts", contractId(op, contractId), "credentials"))),
            op);
    // the protocol sends a JSON string holding JSON; tolerate a server that inlines the object
    return data.isTextual() ? data.asText() : data.toString();
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
    String op = "get credentials of contract " + shortId(contractId);
    me(op);
    String encrypted = encryptedCredentials(contractId);
    byte[] expected = contractId.length() == 64 ? Hex.decode(contractId) : null;
    try {
      return Credentials.decrypt(identity, expected, encrypted);
    } catch (CredentialsException e) {
      throw new UnavailableException(op, 200, "undecryptable_credentials", e.getMessage(), e);
    }
  }

  /** {@code GET /contracts/{id}/events}: the contract's history, oldest first. */
  public List<ContractEvent> events(String contractId) {
    String op = "list events of contract " + shortId(contractId);
    return data(
        transport.send(
            ApiRequest.signedGet(op, List.of("contracts", contractId(op, contractId), "events"))),
        op,
        EVENTS);
  }

  // ---- provider ----

  /** {@code GET /provider/rental-requests/pending}: requests waiting for my answer. */
  public List<Contract> pendingRequests() {
    String op = "list pending requests";
    me(op);
    return data(
        transport.send(ApiRequest.signedGet(op, List.of("provider", "rental-requests", "pending"))),
        op,
        CONTRACTS);
  }

  /**
   * {@code POST /provider/rental-requests/{id}/respond} with {@code accept:true}. Not retried once
   * the request may have reached the server.
   */
  public String accept(String contractId, String memo) {
    return respond(contractId, true, memo);
  }

  /**
   * {@code POST /provider/rental-requests/{id}/respond} with {@code accept:false}. Not retried once
   * the request may have reached the server.
   */
  public String reject(String contractId, String memo) {
    return respond(contractId, false, memo);
  }

  private String respond(String contractId, boolean accept, String memo) {
    String op = (accept ? "accept" : "reject") + " contract " + shortId(contractId);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("accept", accept);
    body.put("memo", memo);
    return message(
        transport.send(
            ApiRequest.signedPost(
                op,
                List.of("provider", "rental-requests", contractId(op, contractId), "respond"),
                json(body))));
  }

  /**
   * {@code PUT /provider/rental-requests/{id}/provisioning}.
   *
   * @param status {@code provisioning}, {@code provisioned}, {@code active}, {@code
   *     provisioningfailed} or {@code cancelled}
   * @param instanceDetails JSON object string (docs/protocol.md section 7) for {@code provisioned},
   *     a reason for failure or cancellation, else {@code null}. It may hold the root password: it
   *     is sent, and never put in a message or exception.
   */
  public String updateProvisioning(String contractId, String status, String instanceDetails) {
    String op = "report contract " + shortId(contractId) + " as " + printable(status);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("status", status);
    body.put("instanceDetails", instanceDetails);
    try {
      return message(
          transport.send(
              ApiRequest.signedPut(
                  op,
                  List.of(
                      "provider", "rental-requests", contractId(op, contractId), "provisioning"),
                  json(body))));
    } catch (MarketException e) {
      throw ErrorMapper.redact(e, rootPassword(instanceDetails));
    }
  }

  /** The secret inside provisioning details, if they are docs/protocol.md section 7's object. */
  private static String rootPassword(String instanceDetails) {
    if (instanceDetails == null) {
      return null;
    }
    try {
      JsonNode pw = Json.mapper().readTree(instanceDetails).get("root_password");
      return pw != null && pw.isTextual() ? pw.asText() : null;
    } catch (IOException e) {
      return null; // a failure reason, not details: nothing secret to find
    }
  }

  /** {@code GET /providers/{me}/contracts}: all my contracts as provider, in every state. */
  public List<Contract> providerContracts() {
    String op = "list provider contracts";
    return data(
        transport.send(ApiRequest.signedGet(op, List.of("providers", me(op), "contracts"))),
        op,
        CONTRACTS);
  }

  /** {@code GET /provider/settings/auto-accept}: whether new requests are accepted at once. */
  public boolean autoAccept() {
    String op = "get auto-accept setting";
    me(op);
    return autoAcceptValue(
        transport.send(ApiRequest.signedGet(op, List.of("provider", "settings", "auto-accept"))),
        op);
  }

  /** {@code PUT /provider/settings/auto-accept}; returns the stored value. */
  public boolean setAutoAccept(boolean on) {
    String op = "turn auto-accept " + (on ? "on" : "off");
    me(op);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("autoAcceptRentals", on);
    ObjectNode env =
        transport.send(
            ApiRequest.signedPut(op, List.of("provider", "settings", "auto-accept"), json(body)));
    JsonNode data = env.get("data");
    return (data == null || data.isNull()) ? on : autoAcceptValue(env, op);
  }

  private boolean autoAcceptValue(ObjectNode env, String op) {
    JsonNode v = dataNode(env, op).get("autoAcceptRentals");
    if (v == null || !v.isBoolean()) {
      throw unreadable(op, "expected {\"autoAcceptRentals\": true|false}");
    }
    return v.booleanValue();
  }

  // ---- notifications ----

  /** {@code GET /users/{me}/notifications}: the newest 50. */
  public List<UserNotification> notifications() {
    String op = "list notifications";
    return data(
        transport.send(ApiRequest.signedGet(op, List.of("users", me(op), "notifications"))),
        op,
        NOTIFICATIONS);
  }

  /** {@code GET /users/{me}/notifications/unread-count}. */
  public long unreadCount() {
    String op = "count unread notifications";
    JsonNode n =
        dataNode(
                transport.send(
                    ApiRequest.signedGet(
                        op, List.of("users", me(op), "notifications", "unread-count"))),
                op)
            .get("unreadCount");
    if (n == null || !n.canConvertToExactIntegral()) {
      throw unreadable(op, "expected {\"unreadCount\": n}");
    }
    return n.longValue();
  }

  /**
   * {@code POST /users/{me}/notifications/mark-read}; an empty list marks all. Not retried once the
   * request may have reached the server.
   */
  public void markRead(List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    String op =
        ids.isEmpty()
            ? "mark all notifications read"
            : "mark " + ids.size() + " notification" + (ids.size() == 1 ? "" : "s") + " read";
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode array = body.putArray("ids");
    ids.forEach(array::add);
    transport.send(
        ApiRequest.signedPost(
            op, List.of("users", me(op), "notifications", "mark-read"), json(body)));
  }

  /** {@code GET /health}: the server's message. Never signed. */
  public String health() {
    String op = "check health";
    ObjectNode env = transport.send(ApiRequest.publicGet(op, List.of("health"), List.of()));
    JsonNode m = env.has("message") ? env.get("message") : env.get("data");
    return m == null || m.isNull() ? "" : m.isTextual() ? m.asText() : m.toString();
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

  /**
   * As {@link #awaitStatus(String, ContractStatus, Duration)}, reporting every state seen to {@code
   * onPoll}. Polls start 500 ms apart and double up to 5 s (see {@link Builder#pollBackoff}), never
   * sleeping past the deadline (taken from the client's clock). A transient failure ({@link
   * UnavailableException}) while polling is ridden out until the deadline; if no poll ever
   * succeeded, the last such failure is thrown then. Refusals and auth failures are thrown at once.
   *
   * @throws IllegalArgumentException for {@code target} {@link ContractStatus#UNKNOWN}
   */
  public AwaitResult awaitStatus(
      String contractId, ContractStatus target, Duration timeout, Consumer<Contract> onPoll) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(timeout, "timeout");
    if (target == ContractStatus.UNKNOWN) {
      throw new IllegalArgumentException("cannot wait for an unknown status");
    }
    Instant deadline = clock.instant().plus(timeout.isNegative() ? Duration.ZERO : timeout);
    Duration delay = pollFirst;
    Contract last = null;
    UnavailableException lastFailure = null;
    while (true) {
      try {
        Contract c = getContract(contractId);
        last = c;
        onPoll.accept(c);
        ContractStatus s = c.statusValue();
        if (reached(s, target)) {
          return new AwaitResult(AwaitResult.Outcome.REACHED, c);
        }
        if (s.isTerminal() && !s.canReach(target)) {
          return new AwaitResult(AwaitResult.Outcome.UNREACHABLE, c);
        }
      } catch (UnavailableException e) {
        lastFailure = e;
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        if (last == null) {
          throw lastFailure;
        }
        return new AwaitResult(AwaitResult.Outcome.TIMED_OUT, last);
      }
      Duration left = Duration.between(now, deadline);
      try {
        sleeper.sleep(delay.compareTo(left) < 0 ? delay : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException(
            "wait for contract " + shortId(contractId), 0, null, "interrupted", e);
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

  /** The wallet of this client's identity: balance, ledger, deposits and withdrawals. */
  public WalletService wallet() {
    return new WalletService(this, transport);
  }

  /** What rentals pay for: extensions, auto-renew, terms and reviews. */
  public TermsService terms() {
    return new TermsService(transport);
  }

  /** Closes the connection pool; calls after this fail. */
  @Override
  public void close() {
    transport.close();
  }

  // ---- helpers ----

  String me(String op) {
    if (identity == null) {
      throw new UnauthorizedException(
          op,
          0,
          "no_identity",
          "this call is signed and no identity is configured: load or create one first",
          null);
    }
    return identity.publicKeyHex();
  }

  static String contractId(String op, String id) {
    if (id == null || id.isEmpty() || !id.chars().allMatch(MarketClient::isHexDigit)) {
      throw new InvalidRequestException(
          op, 0, "invalid", "a contract id is hexadecimal, got '" + printable(id) + "'", null);
    }
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  private static void requirePubkey(String op, String pubkey) {
    if (pubkey == null || !Hex.isHex(pubkey, 32)) {
      throw new InvalidRequestException(
          op,
          0,
          "invalid",
          "a public key is 64 hex characters, got '" + printable(pubkey) + "'",
          null);
    }
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static String shortId(String id) {
    return Ids.abbreviate(printable(id));
  }

  /** User input echoed in a message: no control characters, bounded length. */
  private static String printable(String s) {
    return TerminalText.line(s, 80);
  }

  private static void param(List<Map.Entry<String, String>> params, String name, Object value) {
    if (value != null) {
      params.add(Map.entry(name, value.toString()));
    }
  }

  private static String plain(java.math.BigDecimal d) {
    return d == null ? null : d.toPlainString();
  }

  static byte[] json(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      // our own records and trees always serialize
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private static JsonNode dataNode(ObjectNode env, String op) {
    JsonNode data = env.get("data");
    if (data == null || data.isNull()) {
      throw unreadable(op, "the answer has no data");
    }
    return data;
  }

  static <T> T data(ObjectNode env, String op, Class<T> type) {
    JsonNode data = dataNode(env, op);
    try {
      return Json.mapper().treeToValue(data, type);
    } catch (IOException | IllegalArgumentException e) {
      throw unreadable(op, "not a " + type.getSimpleName() + " (" + firstLine(e) + ")");
    }
  }

  private static <T> T data(ObjectNode env, String op, TypeReference<T> type) {
    JsonNode data = dataNode(env, op);
    try {
      return Json.mapper().readerFor(type).readValue(data);
    } catch (IOException | IllegalArgumentException e) {
      throw unreadable(op, "unexpected shape (" + firstLine(e) + ")");
    }
  }

  private static String message(ObjectNode env) {
    JsonNode data = env.get("data");
    if (data == null || data.isNull()) {
      JsonNode m = env.get("message");
      return m != null && m.isTextual() ? m.asText() : "";
    }
    return data.isTextual() ? data.asText() : data.toString();
  }

  private static String firstLine(Exception e) {
    String m =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException j
            ? j.getOriginalMessage()
            : e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return printable(nl < 0 ? m : m.substring(0, nl));
  }

  private static String kind(JsonNode n) {
    return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static UnavailableException unreadable(String op, String why) {
    return new UnavailableException(op, 200, null, "unreadable answer: " + why, null);
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
    private String userAgent = "market/" + Version.get();
    private Consumer<PreparedRequest> dryRun;
    private Duration pollFirst = POLL_FIRST_DELAY;
    private Duration pollMax = POLL_MAX_DELAY;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

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
     * Dry run: every call prepares and signs its request, hands it to {@code sink}, sends nothing
     * and throws {@link DryRunException}. The body is exactly what would be sent, so it may hold a
     * secret (the {@code root_password} of {@link #updateProvisioning}): redact before printing.
     */
    public Builder dryRun(Consumer<PreparedRequest> sink) {
      this.dryRun = sink;
      return this;
    }

    /**
     * The pause between {@link MarketClient#awaitStatus} polls: {@code first}, doubling up to
     * {@code max}; 500 ms and 5 s by default.
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
