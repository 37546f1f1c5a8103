package dev.market.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acknowledged means durable: a real server process takes concurrent rents, is killed with SIGKILL
 * mid-stream, and every rent it answered 200 is found after a restart on the same database. Rounds:
 * {@code -Dreliability.rounds=N} / 60 (at least 1).
 */
class KillDuringWritesTest {
  private final Identity provider = Ids.of("kill-provider");
  private final Identity renter = Ids.of("kill-renter");

  private static Process startServer(String db, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.market.server.ServerMain",
                "--port",
                "0",
                "--db",
                db,
                "--no-rate-limits")
            .redirectError(log.toFile())
            .start();
    return p;
  }

  private static String baseUrl(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the server's first line").startsWith("listening on http://");
    return line.substring("listening on ".length()).trim();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_acknowledged_rent_survives_kill_9(TestDatabases.Kind kind) throws Exception {
    String db = TestDatabases.fresh(kind);
    long offering;
    try (TestServer setup = TestServer.start(db)) {
      Market m = new Market(setup);
      offering = m.publish(provider, "kill-1", "10");
      // every rent escrows its price (issue 10)
      m.fundAtLeast(renter, 1_000_000L * Market.E9);
    }
    Path log = File.createTempFile("market-kill", ".log").toPath();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    int rounds = Math.max(1, Fixture.ROUNDS / 60);
    for (int round = 0; round < rounds; round++) {
      Process p = startServer(db, log);
      try {
        Raw raw = new Raw(baseUrl(p), dev.market.server.support.MutableClock.systemNow());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
          var unused =
              pool.submit(
                  () -> {
                    while (!stop.get()) {
                      try {
                        Raw.Reply r =
                            raw.post(renter, "/api/v1/contracts", Market.rentBody(offering));
                        if (r.status() == 200) {
                          acknowledged.add(r.data().get("contractId").asText());
                        }
                      } catch (RuntimeException connectionLost) {
                        // the kill: unacknowledged, so nothing is promised
                      }
                    }
                  });
        }
        // kill mid-stream: once rents are being acknowledged (a cold JVM takes a moment)
        int before = acknowledged.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (acknowledged.size() < before + 20 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no flush
        p.waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
      } finally {
        p.destroyForcibly();
      }
    }
    assertThat(acknowledged).as("rents acknowledged before the kills").isNotEmpty();
    try (TestServer after = TestServer.start(db)) {
      Market m = new Market(after);
      List<String> lost =
          acknowledged.stream()
              .filter(id -> after.server.store().read(tx -> tx.contracts().byId(id)).isEmpty())
              .toList();
      assertThat(lost).as("acknowledged but lost, of " + acknowledged.size()).isEmpty();
      assertThat(m.status(acknowledged.iterator().next())).isNotNull();
    }
  }
}
