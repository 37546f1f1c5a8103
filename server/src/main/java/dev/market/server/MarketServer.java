package dev.market.server;

import dev.market.protocol.crypto.Credentials;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Offering;
import dev.market.server.demo.DemoOfferings;
import dev.market.server.domain.AccountService;
import dev.market.server.domain.ContractService;
import dev.market.server.domain.CredentialSealer;
import dev.market.server.domain.EpochNanos;
import dev.market.server.domain.LifecycleSweeper;
import dev.market.server.domain.MarketStore;
import dev.market.server.domain.OfferingService;
import dev.market.server.domain.RentRateLimit;
import dev.market.server.domain.ReplayGuard;
import dev.market.server.domain.money.DemoPaymentProvider;
import dev.market.server.domain.money.LedgerService;
import dev.market.server.domain.money.ReviewService;
import dev.market.server.domain.money.TermService;
import dev.market.server.http.JsonErrorHandler;
import dev.market.server.http.Routes;
import dev.market.server.http.WireModel;
import dev.market.server.store.jdbc.JdbcStore;
import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketplace server: {@link #create} opens and migrates the database, {@link #start} binds the
 * port (0 = any free port) and starts the completion sweeper, {@link #stop} lets in-flight requests
 * finish and closes everything.
 */
public final class MarketServer {
  private static final Logger LOG = LoggerFactory.getLogger(MarketServer.class);
  private static final long NONCE_KEEP_NS = EpochNanos.ofSeconds(15L * 60);
  private static final long IDEMPOTENCY_KEEP_NS = EpochNanos.ofSeconds(24L * 3600);
  private static final long BUCKET_KEEP_NS = EpochNanos.ofSeconds(3600L);

  private final ServerConfig config;
  private final JdbcStore store;
  private final ReplayGuard replays;
  private final OfferingService offerings;
  private final ContractService contracts;
  private final LedgerService ledger;
  private final AccountService accounts;
  private final LifecycleSweeper lifecycle;
  private final Routes routes;
  private final Javalin app;
  private ScheduledExecutorService sweeper;
  private ScheduledExecutorService nonceFlusher;
  private long lateReadsLogged;

  private MarketServer(ServerConfig config, JdbcStore store, CredentialSealer sealer) {
    this.config = config;
    this.store = store;
    this.replays = new ReplayGuard(store, config.replayStore());
    if (!config.replayStore()) {
      LOG.warn("--bench-no-replay-store: replayed requests are ACCEPTED (benchmark only)");
    }
    // every service writes through this: a mutating request's nonce commits with its write
    MarketStore writes = replays.carryingNonces(store);
    this.offerings = new OfferingService(writes, config.clock());
    this.contracts =
        new ContractService(
            writes,
            config.clock(),
            sealer,
            new RentRateLimit(
                config.rateLimitsEnabled(),
                config.signerRentsPerMinute(),
                config.signerRentBurst()),
            config.requireVerifiedEmail());
    this.accounts = new AccountService(writes, config.clock());
    // issue 10: money writes carry the nonce too; its hooks live in ContractService.create/move
    this.ledger =
        new LedgerService(
            writes,
            config.clock(),
            config.paymentsAreDemo() ? Optional.of(new DemoPaymentProvider()) : Optional.empty());
    this.lifecycle =
        new LifecycleSweeper(
            writes, contracts, config.requestExpiry(), config.provisioningTimeout());
    this.routes =
        new Routes(
            config,
            replays,
            offerings,
            contracts,
            accounts,
            ledger,
            new TermService(writes, config.clock()),
            new ReviewService(writes, config.clock()));
    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.jetty.modifyServer(
                  server -> {
                    // in-flight requests finish on stop (SIGTERM), new ones are refused
                    server.setHandler(new GracefulHandler());
                    server.setStopTimeout(10_000);
                    server.setErrorHandler(new JsonErrorHandler());
                  });
              routes.install(cfg);
            });
  }

  /**
   * Opens the database of {@code config} and migrates it; nothing listens yet.
   *
   * @throws dev.market.server.domain.DomainException when the database is unreachable or a
   *     migration fails
   */
  public static MarketServer create(ServerConfig config) {
    return new MarketServer(config, JdbcStore.open(config.db()), Credentials::encrypt);
  }

  /** Loads the demo offerings when requested and the database has none, then listens. */
  public int start() {
    if (config.demo() && offerings.count() == 0) {
      List<Offering> demo = DemoOfferings.load();
      String provider = Identity.fromMnemonic(DemoOfferings.PROVIDER_MNEMONIC).publicKeyHex();
      int n = offerings.importAll(provider, demo.stream().map(WireModel::toDomain).toList());
      LOG.info("loaded {} demo offerings", n);
    }
    app.start(config.host(), config.port());
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "market-sweeper");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, config.sweepInterval().toMillis());
    var unused = sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    nonceFlusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "market-nonce-flush");
              t.setDaemon(true);
              return t;
            });
    long flushMs = Math.max(1, config.readNonceFlush().toMillis());
    var unused2 =
        nonceFlusher.scheduleWithFixedDelay(
            this::flushNonces, flushMs, flushMs, TimeUnit.MILLISECONDS);
    return app.port();
  }

  /** Completes expired rentals and forgets nonces, idempotency keys and buckets past their use. */
  public void sweep() {
    try {
      int ended = lifecycle.sweep();
      if (ended > 0) {
        LOG.info("ended {} requests or provisionings that ran out of time", ended);
      }
      int completed = contracts.completeExpired();
      if (completed > 0) {
        LOG.info("completed {} rentals that reached their end", completed);
      }
      long ns = EpochNanos.now(config.clock());
      store.write(
          tx -> {
            tx.nonces().pruneOlderThan(ns - NONCE_KEEP_NS);
            tx.idempotency().pruneOlderThan(ns - IDEMPOTENCY_KEEP_NS);
            tx.rateLimits().pruneOlderThan(ns - BUCKET_KEEP_NS);
            return null;
          });
      replays.forgetOlderThan(ns - NONCE_KEEP_NS);
      routes.housekeeping();
    } catch (RuntimeException e) {
      // the next round retries; a sweeper that dies silently would stop completing rentals
      LOG.warn("sweep failed: {}", e.toString());
    }
  }

  /**
   * Writes the read nonces accepted since the last flush, then reads back those every process
   * committed (docs/server.md, "Replay").
   */
  public synchronized void flushNonces() {
    try {
      replays.flush();
      long late = replays.lateReads();
      if (late > lateReadsLogged) {
        LOG.warn(
            "{} read nonce(s) had already been used on another process within the flush delay",
            late - lateReadsLogged);
        lateReadsLogged = late;
      }
    } catch (RuntimeException e) {
      // kept in memory (still refused here) and retried on the next round
      LOG.warn("writing read nonces failed: {}", e.toString());
    }
    try {
      replays.follow();
    } catch (RuntimeException e) {
      // reads are looked up one by one until it catches up again
      LOG.warn("reading committed nonces failed: {}", e.toString());
    }
  }

  /** The replay guard, for tests. */
  public ReplayGuard replays() {
    return replays;
  }

  public int port() {
    return app.port();
  }

  /** The account service, for tests and tools (verifying an e-mail address). */
  public AccountService accounts() {
    return accounts;
  }

  /** The money service, for tests and tools (the ledger check). */
  public LedgerService ledger() {
    return ledger;
  }

  /** The store, for tests and tools that inspect what the server wrote. */
  public MarketStore store() {
    return store;
  }

  public void stop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    if (nonceFlusher != null) {
      nonceFlusher.shutdownNow();
    }
    try {
      app.stop();
      flushNonces();
      if (config.replayStore()) {
        LOG.info(
            "replay guard: {} reads accepted without a lookup, {} looked up in {} queries;"
                + " {} committed pairs followed",
            replays.readsNotLookedUp(),
            replays.readsLookedUp(),
            replays.readLookups(),
            replays.followedPairs());
      }
    } finally {
      store.close();
    }
  }
}
