package dev.market.server.support;

import dev.market.server.MarketServer;
import dev.market.server.ServerConfig;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The real server on port 0 over a real database, with a clock the test controls. */
public final class TestServer implements AutoCloseable {
  public final MarketServer server;
  public final MutableClock clock;
  public final String baseUrl;
  public final String db;

  private TestServer(String db, MutableClock clock, UnaryOperator<ServerConfig.Builder> tweak) {
    this.db = db;
    this.clock = clock;
    ServerConfig.Builder b =
        ServerConfig.builder()
            .port(0)
            .db(db)
            .clock(clock)
            .rateLimitsEnabled(false)
            // deposits credit at once, so every test can fund a renter (issue 10)
            .demoPayments(true)
            // the tests drive completion by hand through sweep(); a background round would race
            .sweepInterval(Duration.ofHours(1));
    this.server = MarketServer.create(tweak.apply(b).build());
    int port = server.start();
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  public static TestServer start(String db) {
    return new TestServer(db, MutableClock.systemNow(), UnaryOperator.identity());
  }

  /** A second server on the same database and clock, as two processes behind a balancer. */
  public static TestServer start(
      String db, MutableClock clock, UnaryOperator<ServerConfig.Builder> tweak) {
    return new TestServer(db, clock, tweak);
  }

  public static TestServer start(String db, UnaryOperator<ServerConfig.Builder> tweak) {
    return new TestServer(db, MutableClock.systemNow(), tweak);
  }

  @Override
  public void close() {
    server.stop();
  }
}
