package dev.market.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.MutableClock;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The replay rule as docs/server.md ("Replay") states it: the process that served a request refuses
 * its replay at once; a read's nonce reaches the shared table within the flush delay, so another
 * process refuses it after that; a write's nonce commits with the write, so its replay is refused
 * everywhere at once and after a kill -9.
 */
class ReplayStoreTest {
  private final Identity provider = Ids.of("replay-provider");
  private final Identity renter = Ids.of("replay-renter");

  private static Raw.Reply signed(
      Raw raw, Identity who, String method, String path, String body, String ts, String nonce) {
    return raw.send(
        s -> {
          s.identity = who;
          s.method = method;
          s.path = path;
          s.body = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          s.timestamp = ts;
          s.nonce = nonce;
          return s;
        });
  }

  private String contractsPath() {
    return "/api/v1/users/" + renter.publicKeyHex() + "/contracts";
  }

  private static boolean stored(TestServer s, Identity who, String nonce) {
    return s.server.store().read(tx -> tx.nonces().contains(who.publicKeyHex(), nonce));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_same_process_refuses_a_replayed_read_before_and_after_its_nonce_is_written(
      TestDatabases.Kind kind) {
    // no flush during the test: the first refusal can only come from memory
    try (TestServer s =
        TestServer.start(TestDatabases.fresh(kind), b -> b.readNonceFlush(Duration.ofHours(1)))) {
      String ts = new Raw(s).nowNs();
      String nonce = UUID.randomUUID().toString();
      Raw raw = new Raw(s);
      assertThat(signed(raw, renter, "GET", contractsPath(), null, ts, nonce).status())
          .isEqualTo(200);
      assertThat(stored(s, renter, nonce)).as("the read did not wait for its row").isFalse();
      assertThat(signed(raw, renter, "GET", contractsPath(), null, ts, nonce).status())
          .isEqualTo(401);

      s.server.flushNonces();
      assertThat(stored(s, renter, nonce)).isTrue();
      assertThat(s.server.replays().pendingCount()).isZero();
      assertThat(signed(raw, renter, "GET", contractsPath(), null, ts, nonce).status())
          .isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_process_refuses_a_replayed_read_within_one_second(TestDatabases.Kind kind)
      throws Exception {
    String db = TestDatabases.fresh(kind);
    try (TestServer a = TestServer.start(db);
        TestServer b = TestServer.start(db)) {
      String ts = new Raw(a).nowNs();
      String nonce = UUID.randomUUID().toString();
      assertThat(signed(new Raw(a), renter, "GET", contractsPath(), null, ts, nonce).status())
          .isEqualTo(200);
      Thread.sleep(1_000); // the documented bound: one flush (100 ms) and its commit
      assertThat(signed(new Raw(b), renter, "GET", contractsPath(), null, ts, nonce).status())
          .isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_write_and_its_nonce_commit_together_or_not_at_all(TestDatabases.Kind kind) {
    try (TestServer s =
        TestServer.start(TestDatabases.fresh(kind), b -> b.readNonceFlush(Duration.ofHours(1)))) {
      Market m = new Market(s);
      long offering = m.publish(provider, "replay-1", "10");
      // every rent escrows its price (issue 10)
      m.fundAtLeast(renter, 1_000_000L * Market.E9);
      Raw raw = new Raw(s);

      // another process spent this nonce (its row is there, this process never saw it): the rent
      // is refused and its writes roll back with the nonce's insert
      String taken = UUID.randomUUID().toString();
      s.server.store().write(tx -> tx.nonces().record(renter.publicKeyHex(), taken, 1L));
      Raw.Reply refused =
          signed(
              raw,
              renter,
              "POST",
              "/api/v1/contracts",
              Market.rentBody(offering),
              raw.nowNs(),
              taken);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
      int rented =
          s.server.store().read(tx -> tx.contracts().ofRenter(renter.publicKeyHex())).size();
      assertThat(rented).as("contracts written by the refused rent").isZero();

      // acknowledged: its nonce row is already committed (no flush ran)
      String nonce = UUID.randomUUID().toString();
      Raw.Reply ok =
          signed(
              raw,
              renter,
              "POST",
              "/api/v1/contracts",
              Market.rentBody(offering),
              raw.nowNs(),
              nonce);
      assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
      assertThat(stored(s, renter, nonce)).isTrue();

      // refused for what it met (no such offering): the nonce is spent all the same
      String missing = UUID.randomUUID().toString();
      String ts = raw.nowNs();
      String body = Market.rentBody(999_999);
      assertThat(signed(raw, renter, "POST", "/api/v1/contracts", body, ts, missing).status())
          .isEqualTo(404);
      assertThat(stored(s, renter, missing)).isTrue();
      assertThat(signed(raw, renter, "POST", "/api/v1/contracts", body, ts, missing).status())
          .isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_replayed_rent_or_accept_after_kill_9_and_restart_is_401(TestDatabases.Kind kind)
      throws Exception {
    String db = TestDatabases.fresh(kind);
    long offering;
    try (TestServer setup = TestServer.start(db)) {
      Market m = new Market(setup);
      offering = m.publish(provider, "replay-kill", "10");
      // every rent escrows its price (issue 10)
      m.fundAtLeast(renter, 1_000_000L * Market.E9);
    }
    Path log = File.createTempFile("market-replay-kill", ".log").toPath();
    String rentTs;
    String rentNonce = UUID.randomUUID().toString();
    String body = Market.rentBody(offering);
    String acceptTs;
    String acceptNonce = UUID.randomUUID().toString();
    String contract;
    String respond;
    String accept = "{\"accept\":true,\"memo\":null}";
    Process p = startServer(db, log);
    try {
      Raw raw = new Raw(baseUrl(p), MutableClock.systemNow());
      rentTs = raw.nowNs();
      Raw.Reply rent = signed(raw, renter, "POST", "/api/v1/contracts", body, rentTs, rentNonce);
      assertThat(rent.status()).as(rent.toString()).isEqualTo(200);
      contract = rent.data().get("contractId").asText();
      respond = "/api/v1/provider/rental-requests/" + contract + "/respond";
      acceptTs = raw.nowNs();
      Raw.Reply accepted = signed(raw, provider, "POST", respond, accept, acceptTs, acceptNonce);
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
      p.destroyForcibly(); // SIGKILL right after the answers: no shutdown hook, no flush
      p.waitFor(10, TimeUnit.SECONDS);
    } finally {
      p.destroyForcibly();
    }
    Process again = startServer(db, log);
    try {
      Raw raw = new Raw(baseUrl(again), MutableClock.systemNow());
      assertThat(signed(raw, renter, "POST", "/api/v1/contracts", body, rentTs, rentNonce).status())
          .as("replayed rent")
          .isEqualTo(401);
      assertThat(signed(raw, provider, "POST", respond, accept, acceptTs, acceptNonce).status())
          .as("replayed accept")
          .isEqualTo(401);
      Raw.Reply mine = raw.get(renter, contractsPath());
      assertThat(mine.data()).hasSize(1);
      assertThat(mine.data().get(0).get("status").asText()).isEqualTo("accepted");
    } finally {
      again.destroyForcibly();
      again.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Process startServer(String db, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
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
  }

  private static String baseUrl(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the server's first line").startsWith("listening on http://");
    return line.substring("listening on ".length()).trim();
  }
}
