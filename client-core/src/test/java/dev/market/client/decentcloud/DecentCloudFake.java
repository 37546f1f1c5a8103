package dev.market.client.decentcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.crypto.Credentials;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.SignatureVerifier;
import dev.market.protocol.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A faithful stand-in for the Decent Cloud API (the third party; our own server is never faked),
 * for the tests of client-core and cli. Every behaviour copies the Decent Cloud source at commit
 * {@code 13dda9de} of {@code decent-stuff/decent-cloud}, and its comment names the file and lines.
 * Paths in comments: {@code O/} = {@code api/src/openapi/}, {@code D/} = {@code api/src/database/},
 * {@code A/} = {@code api/src/}, {@code C/} = {@code common/src/}.
 *
 * <p>What it does not copy: Stripe (top-ups are {@link #credit}), e-mail (verification is {@link
 * #verifyEmail}), the provider agent (provisioning is {@link #provision}), and the timeout sweeper
 * ({@link #setStatus}).
 */
public final class DecentCloudFake implements AutoCloseable {
  private static final String API = "/api/v1";

  /** A/rate_limit.rs:205: the body of every 429, sent without a Content-Type. */
  public static final String RATE_LIMITED = "Rate limit exceeded. Please try again later.";

  /** O/contracts.rs:666: renting with an account whose email is not verified. */
  public static final String EMAIL_NOT_VERIFIED =
      "Email verification required. Please verify your email address before creating rentals."
          + " Check your inbox for the verification link.";

  /**
   * O/contracts.rs:746 wrapping D/wallet.rs:219: the wallet could not cover the rental. The message
   * names neither amount.
   */
  public static final String INSUFFICIENT_BALANCE =
      "Insufficient wallet balance. Top up at /dashboard/wallet. Details: Insufficient wallet"
          + " balance for debit";

  /** A/validation.rs:31-34: the username rule. */
  private static final Pattern USERNAME =
      Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._@-]{1,62}[a-zA-Z0-9]$");

  /** A/validation.rs:12-25: reserved usernames. */
  private static final Set<String> RESERVED =
      Set.of(
          "admin",
          "api",
          "system",
          "root",
          "support",
          "moderator",
          "administrator",
          "test",
          "null",
          "undefined",
          "decent",
          "cloud");

  /** api/email-utils/src/validation.rs:7-10: the e-mail format check. */
  private static final Pattern EMAIL =
      Pattern.compile("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$");

  /** A/validation.rs:42-45: the SSH key format check. */
  private static final Pattern SSH_KEY =
      Pattern.compile("^ssh-(rsa|ed25519|ecdsa|dss)\\s+[A-Za-z0-9+/]+={0,3}(\\s+.*)?$");

  /** D/offerings.rs:78-219: the Offering fields without a default (poem rejects the body). */
  private static final List<String> REQUIRED_OFFERING_FIELDS =
      List.of(
          "offering_id",
          "offer_name",
          "currency",
          "monthly_price",
          "setup_fee",
          "visibility",
          "product_type",
          "billing_interval",
          "billing_unit",
          "is_subscription",
          "stock_status",
          "unmetered_bandwidth",
          "datacenter_country",
          "datacenter_city",
          "is_draft");

  private final MockWebServer server = new MockWebServer();
  private final SignatureVerifier verifier = new SignatureVerifier();
  private final Clock clock;
  private final Object lock = new Object();
  private final List<ObjectNode> offerings = new ArrayList<>();
  private final Set<Long> hiddenOfferings = new HashSet<>();
  private final Map<String, ObjectNode> contracts = new LinkedHashMap<>();
  private final Map<String, String> credentials = new HashMap<>();
  private final Map<String, ObjectNode> accountsByKey = new HashMap<>();
  private final Set<String> usedAccountNonces = new HashSet<>();
  private final Map<String, Long> balances = new HashMap<>();
  private final Map<String, ArrayNode> ledgers = new HashMap<>();
  private final Map<String, Boolean> autoAccept = new HashMap<>();
  private final List<String> dropNext = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private long nextOfferingId = 1;
  private long nextLedgerId = 1;
  private long lastNs;
  private int rateLimitNext;
  private ObjectNode nextError;

  public DecentCloudFake() {
    this(Clock.systemUTC());
  }

  public DecentCloudFake(Clock clock) {
    this.clock = clock;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            return handle(request);
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The root to give {@code --api-url} or {@code MarketClient.Builder.baseUrl}. */
  public String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  /** Every request received, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  // ---- test set-up, standing in for what Decent Cloud's website, Stripe and agents do ----

  /**
   * Publishes a public offering for {@code providerPubkey}; {@code visible=false} makes it one that
   * the listing's marketplace filter drops (no agent pool: D/offerings.rs:43-47).
   */
  public long addOffering(
      String providerPubkey, String offeringId, String name, double monthlyPrice, boolean visible) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("pubkey", providerPubkey);
    o.put("offering_id", offeringId);
    o.put("offer_name", name);
    o.put("description", name + " on Decent Cloud");
    o.put("currency", "USD");
    o.put("monthly_price", monthlyPrice);
    o.put("setup_fee", 0.0);
    o.put("visibility", "public");
    o.put("product_type", "compute");
    o.put("billing_interval", "monthly");
    o.put("billing_unit", "month");
    o.put("is_subscription", false);
    o.put("stock_status", "in_stock");
    o.put("unmetered_bandwidth", false);
    o.put("datacenter_country", "DE");
    o.put("datacenter_city", "Berlin");
    o.put("is_draft", false);
    synchronized (lock) {
      long id = store(o);
      if (!visible) {
        hiddenOfferings.add(id);
      }
      o.put("provider_online", visible);
      return id;
    }
  }

  /** A Stripe top-up landing in the wallet (D/wallet.rs credit path). */
  public void credit(String pubkey, long amountE9s) {
    synchronized (lock) {
      ledger(pubkey, amountE9s, "topup", "stripe:test");
    }
  }

  /** The renter clicked the link in the verification e-mail (O/accounts.rs:210-250 sends it). */
  public void verifyEmail(String pubkey) {
    synchronized (lock) {
      ObjectNode a = accountsByKey.get(pubkey);
      if (a == null) {
        throw new IllegalArgumentException("no account for " + pubkey);
      }
      a.put("emailVerified", true);
    }
  }

  /**
   * A provider profile with {@code auto_accept_rentals} off; without a profile Decent Cloud
   * auto-accepts (D/providers/auto_accept.rs:9-25).
   */
  public void setAutoAccept(String providerPubkey, boolean on) {
    synchronized (lock) {
      autoAccept.put(providerPubkey, on);
    }
  }

  /**
   * The provider's agent reports {@code provisioned} with these details: stored verbatim, root
   * password included, the gateway fields copied onto the contract, the password encrypted to the
   * renter (D/contracts/provisioning.rs:11-150). With auto-accept the contract then moves straight
   * on to {@code active} (O/providers.rs:1993-2018).
   */
  public void provision(String contractId, String instanceDetails) {
    synchronized (lock) {
      ObjectNode c = contract(contractId);
      c.put("provisioning_instance_details", instanceDetails);
      c.put("provisioning_completed_at_ns", nowNs());
      try {
        JsonNode d = Json.mapper().readTree(instanceDetails);
        if (d != null && d.isObject()) {
          for (String f :
              List.of(
                  "gateway_slug",
                  "gateway_subdomain",
                  "gateway_ssh_port",
                  "gateway_port_range_start",
                  "gateway_port_range_end")) {
            if (d.hasNonNull(f)) {
              c.set(f, d.get(f));
            }
          }
          if (d.hasNonNull("root_password")) {
            credentials.put(
                contractId,
                Credentials.encrypt(
                    c.get("requester_pubkey").asText(),
                    Hex.decode(contractId),
                    d.get("root_password").asText()));
          }
        }
      } catch (IOException e) {
        // free text: stored verbatim all the same (D/contracts/provisioning.rs:29-37)
      }
      boolean auto = autoAccept.getOrDefault(c.get("provider_pubkey").asText(), true);
      setStatusLocked(c, auto ? "active" : "provisioned");
    }
  }

  /** A status set by something else than this API: the timeout sweeper, a dispute, a future one. */
  public void setStatus(String contractId, String status) {
    synchronized (lock) {
      setStatusLocked(contract(contractId), status);
    }
  }

  /**
   * The next request matching {@code method} and {@code path} (below {@code /api/v1}) is handled in
   * full, and then its connection is cut before the answer: the client cannot know it worked.
   */
  public void dropNextResponse(String method, String path) {
    dropNext.add(method + " " + API + path);
  }

  /** The next {@code n} requests get the rate limiter's 429 (A/rate_limit.rs:199-206). */
  public void rateLimitNext(int n) {
    synchronized (lock) {
      rateLimitNext = n;
    }
  }

  /** Every contract, oldest first, as Decent Cloud stores it. */
  public List<ObjectNode> contracts() {
    synchronized (lock) {
      return contracts.values().stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /** The wallet balance, or {@code null} before the first credit (O/users.rs:77-78). */
  public Long balance(String pubkey) {
    synchronized (lock) {
      return balances.get(pubkey);
    }
  }

  // ---- the API ----

  private MockResponse handle(RecordedRequest r) {
    HttpUrl url = r.getUrl();
    String path = url.encodedPath();
    String method = r.getMethod();
    byte[] body = r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
    MockResponse answer;
    synchronized (lock) {
      if (rateLimitNext > 0) {
        rateLimitNext--;
        // A/rate_limit.rs:199-206: 429, Retry-After 60, plain body, no Content-Type
        return new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "60")
            .body(RATE_LIMITED)
            .build();
      }
      answer = route(r, method, path, url, body);
    }
    if (dropNext.remove(method + " " + path)) {
      return new MockResponse.Builder(answer)
          .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
          .build();
    }
    return answer;
  }

  private MockResponse route(
      RecordedRequest r, String method, String path, HttpUrl url, byte[] body) {
    if (!path.startsWith(API + "/")) {
      return notFound();
    }
    String[] p = path.substring(API.length() + 1).split("/", -1);
    switch (method + " " + p[0] + "/" + p.length) {
      case "GET health/1" -> {
        // O/system.rs:13 answers HealthResponse (O/common.rs:8-12); nothing about idempotency
        return raw(200, "{\"success\":true,\"message\":\"ok\",\"environment\":\"dev\"}");
      }
      case "GET offerings/1" -> {
        return listOfferings(url);
      }
      case "GET offerings/2" -> {
        return getOffering(p[1]);
      }
      case "POST providers/3" -> {
        if (p[2].equals("offerings")) {
          return signed(r, body, signer -> createOffering(signer, p[1], body));
        }
      }
      case "POST contracts/1" -> {
        return signed(r, body, signer -> createContract(signer, body));
      }
      case "GET contracts/2" -> {
        return signed(r, body, signer -> getContract(signer, p[1]));
      }
      case "PUT contracts/3" -> {
        if (p[2].equals("cancel")) {
          return signed(r, body, signer -> cancel(signer, p[1], body));
        }
      }
      case "GET contracts/3" -> {
        if (p[2].equals("credentials")) {
          return signed(r, body, signer -> credentials(signer, p[1]));
        }
      }
      case "GET users/3" -> {
        if (p[2].equals("contracts")) {
          return signed(r, body, signer -> userContracts(signer, p[1]));
        }
        if (p[2].equals("wallet")) {
          return signed(r, body, signer -> wallet(signer, p[1]));
        }
      }
      case "POST accounts/1" -> {
        return registerAccount(r, body);
      }
      case "GET accounts/1" -> {
        return accountByKey(url.queryParameter("publicKey"));
      }
      case "GET accounts/2" -> {
        return accountByUsername(p[1]);
      }
      default -> {}
    }
    return notFound();
  }

  private interface SignedHandler {
    MockResponse handle(String signer);
  }

  /**
   * A/auth.rs:292-330: the four headers, checked in order; failures are text/plain with the status
   * and words of A/auth.rs:116-138. The query string is not signed (A/auth.rs:323) and the nonce is
   * never stored.
   */
  private MockResponse signed(RecordedRequest r, byte[] body, SignedHandler handler) {
    for (String h : List.of("X-Public-Key", "X-Signature", "X-Timestamp", "X-Nonce")) {
      if (r.getHeaders().get(h) == null) {
        return text(401, "Missing required header: " + h);
      }
    }
    SignatureVerifier.Verification v =
        verifier.verify(
            r.getHeaders().get("X-Public-Key"),
            r.getHeaders().get("X-Signature"),
            r.getHeaders().get("X-Timestamp"),
            r.getHeaders().get("X-Nonce"),
            r.getMethod(),
            r.getUrl().encodedPath(),
            body,
            nowNs());
    if (!v.ok()) {
      return switch (v.reason()) {
        case STALE_TIMESTAMP -> text(401, "Request timestamp expired (max 5 minutes)");
        case BAD_SIGNATURE -> text(401, "Invalid signature: Signature verification failed");
        default -> text(400, "Invalid format: " + v.message());
      };
    }
    if (nextError != null) {
      ObjectNode e = nextError;
      nextError = null;
      return json(e);
    }
    return handler.handle(v.publicKeyHex());
  }

  /** The next signed request is answered with {@code success:false} and this exact text. */
  public void failNextWith(String message) {
    synchronized (lock) {
      nextError = envelopeError(message);
    }
  }

  /**
   * D/offerings.rs:658-752: public, non-draft offerings ordered by price then id; {@code offset}
   * and {@code 3 x limit} applied first, then the marketplace-visibility filter, then the page cut
   * to {@code limit}. Pages can overlap, skip or come back short. {@code limit} defaults to 50
   * (O/common.rs:33-35).
   */
  private MockResponse listOfferings(HttpUrl url) {
    long limit = longParam(url, "limit", 50);
    long offset = longParam(url, "offset", 0);
    List<ObjectNode> sorted =
        offerings.stream()
            .filter(o -> o.get("visibility").asText().equalsIgnoreCase("public"))
            .filter(o -> !o.get("is_draft").asBoolean())
            .sorted(
                (a, b) -> {
                  int c =
                      Double.compare(
                          a.get("monthly_price").asDouble(), b.get("monthly_price").asDouble());
                  return c != 0 ? c : Long.compare(a.get("id").asLong(), b.get("id").asLong());
                })
            .toList();
    ArrayNode page = Json.mapper().createArrayNode();
    sorted.stream()
        .skip(offset)
        .limit(limit * 3)
        .filter(o -> !hiddenOfferings.contains(o.get("id").asLong()))
        .limit(limit)
        .forEach(o -> page.add(o.deepCopy()));
    return ok(page);
  }

  private static long longParam(HttpUrl url, String name, long dflt) {
    String v = url.queryParameter(name);
    return v == null ? dflt : Long.parseLong(v);
  }

  /** O/offerings.rs get_offering: an unknown id is 200 {@code success:false}. */
  private MockResponse getOffering(String idText) {
    ObjectNode o = offering(Long.parseLong(idText));
    return o == null ? error("Offering not found") : ok(o.deepCopy());
  }

  /**
   * O/providers.rs:1400-1482: the body must parse as Offering (D/offerings.rs:78-219; a missing
   * required field is poem's 400 text/plain {@code parse request payload error}); the path key must
   * be the signer's; the answer is the new id.
   */
  private MockResponse createOffering(String signer, String pathKey, byte[] body) {
    if (!pathKey.equalsIgnoreCase(signer)) {
      // O/providers.rs:1424-1430 with O/common.rs:66-72
      return error(
          "Unauthorized: request pubkey "
              + pathKey
              + " does not match authenticated user "
              + signer);
    }
    ObjectNode o;
    try {
      o = (ObjectNode) Json.mapper().readTree(body);
    } catch (IOException | ClassCastException e) {
      return text(400, "parse request payload error: expected an object");
    }
    for (String f : REQUIRED_OFFERING_FIELDS) {
      if (!o.hasNonNull(f)) {
        return text(
            400,
            "parse request payload error: failed to parse \"Offering\": missing required property"
                + " \""
                + f
                + "\"");
      }
    }
    o.put("pubkey", signer);
    o.remove("id");
    return ok(Json.mapper().getNodeFactory().numberNode(store(o)));
  }

  /**
   * O/contracts.rs:545-816 with D/contracts/rental.rs:8-260: validates the SSH key and payment
   * method, requires a verified email only when the caller has an account, prices by the hour,
   * hashes the id from the creation time (so a repeat is a new contract: the Idempotency-Key header
   * is ignored), debits the wallet unless the method is {@code test} or it is a self-rental,
   * cancels the contract when the wallet is short, then auto-accepts.
   */
  private MockResponse createContract(String signer, byte[] bodyBytes) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(bodyBytes);
    } catch (IOException e) {
      return text(
          400,
          "parse request payload error: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    if (body == null || !body.has("offering_db_id")) {
      return text(400, "parse request payload error: missing required property \"offering_db_id\"");
    }
    String ssh = optText(body, "ssh_pubkey");
    if (ssh == null) {
      return error("ssh_pubkey is required for server access"); // O/contracts.rs:558
    }
    if (ssh.strip().isEmpty()) {
      return error("ssh_pubkey cannot be empty"); // O/contracts.rs:565
    }
    if (!SSH_KEY.matcher(ssh.strip()).matches()) {
      // O/contracts.rs:570-578
      return error("Invalid SSH key format. Expected: ssh-ed25519 AAAA... or ssh-rsa AAAA...");
    }
    String paymentMethod = optText(body, "payment_method");
    if (paymentMethod == null) {
      return error("payment_method is required"); // O/contracts.rs:589
    }
    ObjectNode offering = offering(body.get("offering_db_id").asLong());
    if (offering == null) {
      return error("Offering not found"); // O/contracts.rs:601
    }
    // O/contracts.rs:647-681: a verified email is required only of callers with an account
    ObjectNode account = accountsByKey.get(signer);
    if (account != null && !account.get("emailVerified").asBoolean()) {
      return error(EMAIL_NOT_VERIFIED);
    }
    // D/contracts/rental.rs:79-80 wrapping C/payment_method.rs:40-48
    if (!List.of("wallet", "stripe", "test").contains(paymentMethod.toLowerCase(Locale.ROOT))) {
      return error("Invalid payment method: Invalid payment method: " + paymentMethod);
    }
    long hours = body.hasNonNull("duration_hours") ? body.get("duration_hours").asLong() : 720;
    if (hours < 1) {
      return error("duration_hours must be at least 1 (got " + hours + ")"); // rental.rs:86-91
    }
    String provider = offering.get("pubkey").asText();
    boolean selfRental = provider.equals(signer);
    // D/contracts/rental.rs:125-130: floor(floor(price x 1e9) x hours / 720)
    long amount =
        selfRental ? 0 : ((long) (offering.get("monthly_price").asDouble() * 1e9)) * hours / 720;
    // D/contracts/rental.rs:45-71: contact "" and memo "Rental request for <name>" by default
    String contact =
        optText(body, "contact_method") == null ? "" : body.get("contact_method").asText();
    String memo =
        body.hasNonNull("request_memo")
            ? body.get("request_memo").asText()
            : "Rental request for " + offering.get("offer_name").asText();
    long created = nowNs();
    String id =
        contractId(
            signer,
            provider,
            offering.get("offering_id").asText(),
            ssh,
            contact,
            amount,
            memo,
            created);
    boolean paidUpFront = selfRental || paymentMethod.equals("test"); // rental.rs:156-160
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("contract_id", id);
    c.put("requester_pubkey", signer);
    c.put("requester_ssh_pubkey", ssh);
    c.put("requester_contact", contact);
    c.put("provider_pubkey", provider);
    c.put("offering_id", offering.get("offering_id").asText());
    c.put("offering_name", offering.get("offer_name").asText());
    c.put("payment_amount_e9s", amount);
    c.put("start_timestamp_ns", created);
    c.put("end_timestamp_ns", created + hours * 3_600_000_000_000L);
    c.put("duration_hours", hours);
    c.put("original_duration_hours", hours);
    c.put("request_memo", memo);
    c.put("created_at_ns", created);
    c.put("status", "requested");
    c.put("payment_method", paymentMethod);
    c.put("payment_status", paidUpFront ? "succeeded" : "pending");
    c.put("currency", offering.get("currency").asText());
    c.put("status_updated_at_ns", created);
    c.put("cancel_at_period_end", false);
    c.put("auto_renew", false);
    if (body.hasNonNull("operating_system")) {
      c.put("operating_system", body.get("operating_system").asText());
    }
    contracts.put(id, c);
    // D/contracts/rental.rs:162-166 with D/accounts.rs:1022-1066: renting without an account
    // creates one, user_<8 hex> with a placeholder email, unverified in production
    // (D/accounts.rs:165-170 verifies only outside production)
    if (account == null) {
      createAccount(
          signer,
          "user_" + signer.substring(0, 8),
          "auto-" + signer.substring(0, 16) + "@noemail.local");
    }
    if (!paidUpFront) {
      // O/contracts.rs:718-750: debit the prepaid wallet; when short, cancel and say so
      Long balance = balances.get(signer);
      if (amount <= 0 || balance == null || balance < amount) {
        setStatusLocked(c, "cancelled");
        return error(INSUFFICIENT_BALANCE);
      }
      ledger(signer, -amount, "rental", "contract:" + id);
      c.put("payment_status", "succeeded");
    }
    // O/contracts.rs:759 with D/contracts/provisioning.rs:576-640 and D/providers/auto_accept.rs:25
    if (autoAccept.getOrDefault(provider, true)) {
      setStatusLocked(c, "accepted");
    }
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("contractId", id);
    data.put(
        "message",
        selfRental
            ? "Self-rental created successfully (no payment required)"
            : "Rental request created successfully"); // O/contracts.rs:794-798
    return ok(data);
  }

  /** O/contracts.rs:133-181: only a party sees the contract. */
  private MockResponse getContract(String signer, String id) {
    ObjectNode c = contracts.get(id.toLowerCase(Locale.ROOT));
    if (c == null) {
      return error("Contract not found");
    }
    if (!c.get("requester_pubkey").asText().equals(signer)
        && !c.get("provider_pubkey").asText().equals(signer)) {
      return error("Unauthorized: you are not a party to this contract");
    }
    return ok(c.deepCopy());
  }

  /** O/contracts.rs:497-540 with D/contracts/mod.rs:290-318: own contracts, newest first. */
  private MockResponse userContracts(String signer, String pathKey) {
    if (!pathKey.equalsIgnoreCase(signer)) {
      return error("Unauthorized: can only access your own contracts");
    }
    ArrayNode list = Json.mapper().createArrayNode();
    contracts.values().stream()
        .filter(c -> c.get("requester_pubkey").asText().equals(signer))
        .sorted(
            (a, b) ->
                Long.compare(b.get("created_at_ns").asLong(), a.get("created_at_ns").asLong()))
        .forEach(c -> list.add(c.deepCopy()));
    return ok(list);
  }

  /**
   * O/contracts.rs:882-928 with D/contracts/rental.rs:612-700: a JSON body is required; only the
   * requester may cancel, only from a cancellable status.
   */
  private MockResponse cancel(String signer, String id, byte[] body) {
    if (body.length == 0) {
      return text(400, "parse request payload error: expect request body");
    }
    ObjectNode c = contracts.get(id.toLowerCase(Locale.ROOT));
    if (c == null) {
      return error("Contract not found (ID: " + id + ")");
    }
    if (!c.get("requester_pubkey").asText().equals(signer)) {
      return error("Unauthorized: only the requester can cancel their rental request");
    }
    String status = c.get("status").asText();
    if (!List.of("requested", "pending", "accepted", "provisioning", "provisioned", "active")
        .contains(status)) {
      return error(
          "Contract cannot be cancelled in '"
              + status
              + "' status. Only requested, pending, accepted, provisioning, provisioned, or active"
              + " contracts can be cancelled.");
    }
    setStatusLocked(c, "cancelled");
    return ok(Json.mapper().getNodeFactory().textNode("Rental request cancelled successfully"));
  }

  /** O/contracts.rs:190-262: the v2 envelope as a JSON string, for the requester only. */
  private MockResponse credentials(String signer, String id) {
    ObjectNode c = contracts.get(id.toLowerCase(Locale.ROOT));
    if (c == null) {
      return error("Contract not found");
    }
    if (!c.get("requester_pubkey").asText().equals(signer)) {
      return error("Unauthorized: only the contract requester can access credentials");
    }
    String sealed = credentials.get(id.toLowerCase(Locale.ROOT));
    if (sealed == null) {
      return error("No credentials available (expired or not set)");
    }
    return ok(Json.mapper().getNodeFactory().textNode(sealed));
  }

  /** O/users.rs:851-897: own wallet only; balance null before the first credit. */
  private MockResponse wallet(String signer, String pathKey) {
    if (!pathKey.equalsIgnoreCase(signer)) {
      return error("Unauthorized: can only access your own data");
    }
    ObjectNode w = Json.mapper().createObjectNode();
    Long b = balances.get(signer);
    if (b == null) {
      w.putNull("balanceE9s");
    } else {
      w.put("balanceE9s", b);
    }
    ArrayNode recent = w.putArray("recentLedger");
    ArrayNode all = ledgers.getOrDefault(signer, Json.mapper().createArrayNode());
    for (int i = all.size() - 1; i >= 0 && recent.size() < 20; i--) {
      recent.add(all.get(i).deepCopy());
    }
    return ok(w);
  }

  /**
   * O/accounts.rs:18-281: signed by hand over the raw body; the body's publicKey must be the
   * header's; username validated (A/validation.rs:171-192) and unique case-insensitively; email
   * validated (api/email-utils/src/validation.rs:12-20); a reused nonce is refused here only.
   */
  private MockResponse registerAccount(RecordedRequest r, byte[] body) {
    JsonNode b;
    try {
      b = Json.mapper().readTree(body);
    } catch (IOException e) {
      return error(
          "Invalid request body: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    String username = optText(b, "username") == null ? "" : b.get("username").asText().strip();
    if (username.length() < 3) {
      return error("Username must be at least 3 characters");
    }
    if (username.length() > 64) {
      return error("Username must be at most 64 characters");
    }
    if (!USERNAME.matcher(username).matches()) {
      return error(
          "Username must start and end with alphanumeric character and contain only letters,"
              + " numbers, period, underscore, hyphen, or at-sign");
    }
    if (RESERVED.contains(username.toLowerCase(Locale.ROOT))) {
      return error("Username is reserved");
    }
    String email = optText(b, "email");
    if (email == null || email.strip().isEmpty()) {
      return error("Email cannot be empty");
    }
    if (email.length() > 255) {
      return error("Email is too long (max 255 characters)");
    }
    if (!EMAIL.matcher(email).matches()) {
      return error("Invalid email format");
    }
    String key = optText(b, "publicKey");
    String header = r.getHeaders().get("X-Public-Key");
    // O/accounts.rs:76-86: compared as strings, case and all
    if (key == null || header == null || !key.equals(header)) {
      return error("Public key mismatch: body='" + key + "' header='" + header + "'");
    }
    SignatureVerifier.Verification v =
        verifier.verify(
            header,
            r.getHeaders().get("X-Signature"),
            r.getHeaders().get("X-Timestamp"),
            r.getHeaders().get("X-Nonce"),
            "POST",
            r.getUrl().encodedPath(),
            body,
            nowNs());
    if (!v.ok()) {
      return error("Signature verification failed: " + v.message());
    }
    if (!usedAccountNonces.add(r.getHeaders().get("X-Nonce"))) {
      return error("Nonce already used (replay attack)");
    }
    String signer = v.publicKeyHex();
    for (ObjectNode a : accountsByKey.values()) {
      if (a.get("username").asText().equalsIgnoreCase(username)) {
        return error("Username already taken");
      }
    }
    if (accountsByKey.containsKey(signer)) {
      // D/accounts.rs:187-196: the key's second account breaks a unique index; the handler
      // passes the database's words on (O/accounts.rs:276-279)
      return error(
          "error returned from database: duplicate key value violates unique constraint"
              + " \"account_public_keys_public_key_key\"");
    }
    return ok(createAccount(signer, username, email).deepCopy());
  }

  /** O/accounts.rs:318-356. */
  private MockResponse accountByKey(String publicKey) {
    ObjectNode a = publicKey == null ? null : accountsByKey.get(publicKey.toLowerCase(Locale.ROOT));
    return a == null ? error("Account not found") : ok(a.deepCopy());
  }

  /** O/accounts.rs:286-315. */
  private MockResponse accountByUsername(String username) {
    for (ObjectNode a : accountsByKey.values()) {
      if (a.get("username").asText().equalsIgnoreCase(username)) {
        return ok(a.deepCopy());
      }
    }
    return error("Account not found");
  }

  /**
   * D/accounts.rs:49-77: AccountWithKeys in camelCase; the times are the columns' defaults, in
   * nanoseconds (api/migrations_pg/001_schema.sql:258-259, 312).
   */
  private ObjectNode createAccount(String pubkey, String username, String email) {
    long now = nowNs();
    ObjectNode a = Json.mapper().createObjectNode();
    a.put("id", UUID.randomUUID().toString().replace("-", ""));
    a.put("username", username);
    a.put("createdAt", now);
    a.put("updatedAt", now);
    ArrayNode keys = a.putArray("publicKeys");
    ObjectNode k = keys.addObject();
    k.put("id", UUID.randomUUID().toString().replace("-", ""));
    k.put("publicKey", pubkey);
    k.put("addedAt", now);
    k.put("isActive", true);
    a.put("isAdmin", false);
    a.put("emailVerified", false);
    if (email != null) {
      a.put("email", email);
    }
    accountsByKey.put(pubkey, a);
    return a;
  }

  // ---- helpers ----

  private long store(ObjectNode o) {
    long id = nextOfferingId++;
    o.put("id", id);
    offerings.add(o);
    return id;
  }

  private ObjectNode offering(long id) {
    for (ObjectNode o : offerings) {
      if (o.get("id").asLong() == id) {
        return o;
      }
    }
    return null;
  }

  private ObjectNode contract(String id) {
    ObjectNode c = contracts.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no contract " + id);
    }
    return c;
  }

  private void setStatusLocked(ObjectNode c, String status) {
    c.put("status", status);
    c.put("status_updated_at_ns", nowNs());
  }

  /** D/wallet.rs:6-22: signed amounts, running balance, Unix seconds. */
  private void ledger(String pubkey, long amount, String type, String reference) {
    long after = balances.getOrDefault(pubkey, 0L) + amount;
    balances.put(pubkey, after);
    ObjectNode e =
        ledgers.computeIfAbsent(pubkey, k -> Json.mapper().createArrayNode()).addObject();
    e.put("id", nextLedgerId++);
    e.put("amountE9s", amount);
    e.put("balanceAfterE9s", after);
    e.put("entryType", type);
    e.put("reference", reference);
    e.put("createdAt", Instant.now(clock).getEpochSecond());
  }

  /** Strictly increasing, like two requests never sharing a nanosecond. */
  private long nowNs() {
    Instant now = clock.instant();
    long ns = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    lastNs = Math.max(ns, lastNs + 1);
    return lastNs;
  }

  /** D/contracts/rental.rs:132-143. */
  private static String contractId(
      String requester,
      String provider,
      String offeringId,
      String ssh,
      String contact,
      long amount,
      String memo,
      long createdNs) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(Hex.decode(requester));
      d.update(Hex.decode(provider));
      d.update(offeringId.getBytes(StandardCharsets.UTF_8));
      d.update(ssh.getBytes(StandardCharsets.UTF_8));
      d.update(contact.getBytes(StandardCharsets.UTF_8));
      d.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(amount).array());
      d.update(memo.getBytes(StandardCharsets.UTF_8));
      d.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(createdNs).array());
      return Hex.encode(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String optText(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static ObjectNode envelopeError(String message) {
    ObjectNode e = Json.mapper().createObjectNode();
    e.put("success", false);
    e.put("error", message);
    return e;
  }

  /** Business errors are HTTP 200 with {@code success:false} (O/common.rs:19-31). */
  private static MockResponse error(String message) {
    return json(envelopeError(message));
  }

  private static MockResponse ok(JsonNode data) {
    ObjectNode e = Json.mapper().createObjectNode();
    e.put("success", true);
    e.set("data", data);
    return json(e);
  }

  private static MockResponse json(ObjectNode envelope) {
    return raw(200, envelope.toString());
  }

  private static MockResponse raw(int code, String json) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(json)
        .build();
  }

  /** Framework and auth errors: text/plain (A/auth.rs:116-138; poem's own 400/404/405/415). */
  private static MockResponse text(int code, String message) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "text/plain; charset=utf-8")
        .body(message)
        .build();
  }

  /** poem's answer for a path no route matches. */
  private static MockResponse notFound() {
    return text(404, "not found");
  }

  @Override
  public void close() {
    server.close();
  }
}
