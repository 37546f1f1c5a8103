package dev.market.server.http;

import dev.market.protocol.crypto.SignatureVerifier;
import dev.market.protocol.error.ErrorCode;
import dev.market.server.ServerConfig;
import dev.market.server.domain.AccountService;
import dev.market.server.domain.ContractService;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.MarketStore;
import dev.market.server.domain.OfferingService;
import dev.market.server.domain.search.SearchSyntaxException;
import dev.market.server.domain.validation.ValidationException;
import dev.market.server.store.jdbc.StoreException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table of docs/protocol.md section 4 and the filters every request passes: request id,
 * address rate limit, body size and media type, then (for signed routes) the signature and nonce
 * checks.
 */
public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
  static final String API = "/api/v1";
  static final String REQUEST_ID = "market.requestId";
  static final String BODY = "market.body";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A handler that runs after the signature and nonce checks, with the signer's key. */
  @FunctionalInterface
  interface SignedHandler {
    void handle(Context ctx, String signer) throws Exception;
  }

  private final ServerConfig config;
  private final MarketStore store;
  private final TokenBuckets addressBuckets;
  private final SignatureVerifier verifier;
  private final OfferingHandlers offerings;
  private final ContractHandlers contracts;
  private final AccountHandlers accounts;
  private MoneyHandlers money;

  public Routes(
      ServerConfig config,
      MarketStore store,
      OfferingService offeringService,
      ContractService contractService,
      AccountService accountService) {
    this.config = config;
    this.store = store;
    this.addressBuckets =
        new TokenBuckets(config.addressRequestsPerMinute(), config.addressRequestBurst());
    this.verifier = new SignatureVerifier(config.signatureWindow());
    this.offerings = new OfferingHandlers(offeringService);
    this.contracts = new ContractHandlers(config, store, contractService, this::nowNs);
    this.accounts = new AccountHandlers(accountService);
  }

  /** Adds the wallet, extension and review routes (issue 10); call before {@link #install}. */
  public Routes withMoney(
      dev.market.server.domain.money.LedgerService ledger,
      dev.market.server.domain.money.TermService terms,
      dev.market.server.domain.money.ReviewService reviews) {
    this.money = new MoneyHandlers(ledger, terms, reviews);
    return this;
  }

  long nowNs() {
    Instant now = config.clock().instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** Called by the sweeper: forgets address buckets that are full again. */
  public void housekeeping() {
    addressBuckets.prune(nowNs());
  }

  public void install(JavalinConfig cfg) {
    cfg.router.ignoreTrailingSlashes = true;
    cfg.routes.before(this::beforeEveryRequest);
    cfg.routes.exception(Exception.class, this::onException);
    cfg.routes.error(404, ctx -> fallback(ctx, 404, ErrorCode.NOT_FOUND, "no such endpoint"));
    cfg.routes.error(405, ctx -> fallback(ctx, 405, ErrorCode.BAD_REQUEST, "method not allowed"));

    cfg.routes.get(API + "/health", this::health);
    cfg.routes.get(API + "/offerings", offerings::list);
    cfg.routes.get(API + "/offerings/{id}", offerings::get);
    cfg.routes.get(API + "/providers/{pubkey}/offerings", offerings::ofProvider);
    cfg.routes.post(API + "/providers/{pubkey}/offerings", signed(offerings::create));

    cfg.routes.post(API + "/contracts", signed(contracts::create));
    cfg.routes.get(API + "/contracts/{id}", signed(contracts::get));
    cfg.routes.get(API + "/users/{pubkey}/contracts", signed(contracts::renterContracts));
    cfg.routes.put(API + "/contracts/{id}/cancel", signed(contracts::cancel));
    cfg.routes.get(API + "/contracts/{id}/credentials", signed(contracts::credentials));
    cfg.routes.get(API + "/contracts/{id}/events", signed(contracts::events));

    cfg.routes.get(API + "/provider/rental-requests/pending", signed(contracts::pending));
    cfg.routes.post(API + "/provider/rental-requests/{id}/respond", signed(contracts::respond));
    cfg.routes.put(
        API + "/provider/rental-requests/{id}/provisioning", signed(contracts::provisioning));
    cfg.routes.get(API + "/providers/{pubkey}/contracts", signed(contracts::providerContracts));

    cfg.routes.get(API + "/users/{pubkey}/notifications", signed(accounts::notifications));
    cfg.routes.get(
        API + "/users/{pubkey}/notifications/unread-count", signed(accounts::unreadCount));
    cfg.routes.post(API + "/users/{pubkey}/notifications/mark-read", signed(accounts::markRead));
    cfg.routes.get(API + "/provider/settings/auto-accept", signed(accounts::getAutoAccept));
    cfg.routes.put(API + "/provider/settings/auto-accept", signed(accounts::setAutoAccept));
    if (money != null) {
      for (MoneyHandlers.Route r : money.routes()) {
        switch (r.method()) {
          case "GET" -> cfg.routes.get(API + r.path(), signed(r.handler()));
          case "PUT" -> cfg.routes.put(API + r.path(), signed(r.handler()));
          default -> cfg.routes.post(API + r.path(), signed(r.handler()));
        }
      }
    }
  }

  private void health(Context ctx) {
    var n = dev.market.protocol.json.Json.mapper().createObjectNode();
    n.put("success", true);
    n.put("message", "ok");
    Envelope.write(ctx, 200, n);
  }

  // ------------------------------------------------------------------ filters

  private void beforeEveryRequest(Context ctx) throws IOException {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    String requestId = HexFormat.of().formatHex(id);
    ctx.attribute(REQUEST_ID, requestId);
    ctx.header("X-Request-Id", requestId);
    ctx.attribute(BODY, new byte[0]);

    if (config.rateLimitsEnabled()) {
      long wait = addressBuckets.take(ctx.ip(), nowNs());
      if (wait > 0) {
        throw new ApiError(ErrorCode.RATE_LIMITED, "too many requests from this address", wait);
      }
    }
    // Content-Length first (cheap, refuses before reading), then the bytes actually read, so a
    // chunked or lying request cannot get more than the limit into memory.
    long declared = ctx.req().getContentLengthLong();
    int max = config.maxBodyBytes();
    if (declared > max) {
      throw tooLarge(max);
    }
    QueryRules.check(ctx.queryParamMap());
    byte[] body = readAtMost(ctx.req().getInputStream(), max + 1);
    if (body.length > max) {
      throw tooLarge(max);
    }
    ctx.attribute(BODY, body);
    if (body.length > 0 && !isJson(ctx.header("Content-Type"))) {
      throw new ApiError(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE, "request bodies must be application/json");
    }
  }

  private static ApiError tooLarge(int max) {
    return new ApiError(ErrorCode.TOO_LARGE, "request body is larger than " + max + " bytes");
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static byte[] readAtMost(InputStream in, int limit) {
    try {
      return in.readNBytes(limit);
    } catch (IOException e) {
      // a body shorter than its Content-Length, a broken chunk: the client's mistake, not ours
      throw ApiError.badRequest(
          "the request body could not be read: it ended early or is malformed");
    }
  }

  static byte[] body(Context ctx) {
    byte[] b = ctx.attribute(BODY);
    return b == null ? new byte[0] : b;
  }

  private Handler signed(SignedHandler h) {
    return ctx -> {
      SignatureVerifier.Verification v =
          verifier.verify(
              ctx.header("X-Public-Key"),
              ctx.header("X-Signature"),
              ctx.header("X-Timestamp"),
              ctx.header("X-Nonce"),
              ctx.method().name(),
              ctx.req().getRequestURI(),
              body(ctx),
              nowNs());
      if (!v.ok()) {
        throw new ApiError(
            v.reason() == SignatureVerifier.Reason.STALE_TIMESTAMP
                ? ErrorCode.STALE_TIMESTAMP
                : ErrorCode.forStatus(v.httpStatus()),
            v.message());
      }
      String signer = v.publicKeyHex();
      // the replay check comes last (docs/protocol.md section 2) and lives in the database so
      // every server process sharing it refuses the second use
      if (!store.recordNonce(signer, ctx.header("X-Nonce").toLowerCase(Locale.ROOT), nowNs())) {
        throw ApiError.unauthorized("nonce already used: replayed request");
      }
      h.handle(ctx, signer);
    };
  }

  // ------------------------------------------------------------------ errors

  private static void fallback(Context ctx, int status, ErrorCode code, String message) {
    if (ctx.attribute(Envelope.WRITTEN) == null) {
      Envelope.error(ctx, status, code, message + ": " + ctx.method() + " " + ctx.path());
    }
  }

  private void onException(Exception e, Context ctx) {
    if (e instanceof ApiError a) {
      if (a.retryAfterSeconds > 0) {
        ctx.header("Retry-After", Long.toString(a.retryAfterSeconds));
      }
      Envelope.error(ctx, a.code, a.getMessage());
    } else if (e instanceof ValidationException v) {
      Envelope.error(ctx, ErrorCode.INVALID, v.getMessage());
    } else if (e instanceof SearchSyntaxException s) {
      Envelope.error(ctx, ErrorCode.INVALID, "q: " + s.getMessage());
    } else if (e instanceof DomainException d) {
      Envelope.error(ctx, code(d.kind()), d.getMessage());
    } else if (e instanceof StoreException s && s.unavailable()) {
      LOG.warn("request {}: database unavailable: {}", ctx.attribute(REQUEST_ID), s.getMessage());
      Envelope.error(ctx, ErrorCode.UNAVAILABLE, "database unavailable, retry later");
    } else if (TransportErrors.isClientMistake(e)) {
      Envelope.error(
          ctx, ErrorCode.BAD_REQUEST, "malformed request: " + TransportErrors.describe(e));
    } else if (e instanceof HttpResponseException h && h.getStatus() < 500) {
      Envelope.error(ctx, h.getStatus(), ErrorCode.forStatus(h.getStatus()), h.getMessage());
    } else {
      String id = ctx.attribute(REQUEST_ID);
      LOG.error("request {} failed: {} {}", id, ctx.method(), ctx.path(), e);
      Envelope.error(ctx, ErrorCode.INTERNAL, "internal error (request id " + id + ")");
    }
  }

  static ErrorCode code(DomainException.Kind kind) {
    return switch (kind) {
      case BAD_REQUEST -> ErrorCode.BAD_REQUEST;
      case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
      case FORBIDDEN -> ErrorCode.FORBIDDEN;
      case NOT_FOUND -> ErrorCode.NOT_FOUND;
      case INVALID -> ErrorCode.INVALID;
      case INVALID_TRANSITION -> ErrorCode.INVALID_TRANSITION;
      case CONFLICT -> ErrorCode.CONFLICT;
      case INSUFFICIENT_FUNDS -> ErrorCode.INSUFFICIENT_FUNDS;
      default -> ErrorCode.UNAVAILABLE;
    };
  }
}
