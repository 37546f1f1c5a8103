package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two servers on one database (as two processes would be): nonces, idempotency keys and transitions
 * are decided by the database, so neither server can be played against the other.
 */
class SharedDatabaseTest {
  private final Identity provider = Ids.of("shared-provider");
  private final Identity renter = Ids.of("shared-renter");

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void two_servers_on_one_database_share_nonces_keys_and_transitions(TestDatabases.Kind kind)
      throws Exception {
    String db = TestDatabases.fresh(kind);
    try (TestServer a = TestServer.start(db);
        TestServer b = TestServer.start(db)) {
      Market ma = new Market(a);
      Market mb = new Market(b);
      long offering = ma.publish(provider, "shared-1", "10");

      // a write's nonce used on server A is a replay on server B at once (it committed with the
      // write); a read's nonce once A's flush has committed it (docs/server.md: within 1 s)
      String wNonce = UUID.randomUUID().toString();
      String wTs = ma.raw.nowNs();
      String auto = "/api/v1/provider/settings/auto-accept";
      Raw.Reply wFirst = ma.raw.send(s -> put(sign(s, auto, wNonce, wTs)));
      Raw.Reply wReplay = mb.raw.send(s -> put(sign(s, auto, wNonce, wTs)));
      assertThat(wFirst.status()).as(wFirst.toString()).isEqualTo(200);
      assertThat(wReplay.status()).isEqualTo(401);
      String nonce = UUID.randomUUID().toString();
      String ts = ma.raw.nowNs();
      String path = "/api/v1/users/" + renter.publicKeyHex() + "/contracts";
      Raw.Reply first = ma.raw.send(s -> sign(s, path, nonce, ts));
      Thread.sleep(1_000);
      Raw.Reply replay = mb.raw.send(s -> sign(s, path, nonce, ts));
      assertThat(first.status()).isEqualTo(200);
      assertThat(replay.status()).isEqualTo(401);

      // an idempotency key used on A returns A's contract on B
      String body = Market.rentBody(offering);
      ma.fundAtLeast(renter, 1_000_000L * Market.E9);
      String ca = rentWithKey(ma, body).data().get("contractId").asText();
      String cb = rentWithKey(mb, body).data().get("contractId").asText();
      assertThat(cb).isEqualTo(ca);

      // accepts through both servers at once: exactly one wins, every round
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 15; round++) {
          String id = ma.rent(renter, offering);
          CountDownLatch go = new CountDownLatch(1);
          List<Future<Integer>> calls = new ArrayList<>();
          for (Market m : List.of(ma, mb)) {
            calls.add(
                pool.submit(
                    () -> {
                      go.await();
                      return m.respond(provider, id, true).status();
                    }));
          }
          go.countDown();
          List<Integer> statuses = new ArrayList<>();
          for (Future<Integer> f : calls) {
            statuses.add(f.get());
          }
          assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
          assertThat(ma.history(id)).hasSize(3);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private Raw.Spec sign(Raw.Spec s, String path, String nonce, String ts) {
    s.identity = renter;
    s.path = path;
    s.nonce = nonce;
    s.timestamp = ts;
    return s;
  }

  private static Raw.Spec put(Raw.Spec s) {
    s.method = "PUT";
    s.body = "{\"autoAcceptRentals\":false}".getBytes(StandardCharsets.UTF_8);
    return s;
  }

  private Raw.Reply rentWithKey(Market m, String body) {
    Raw.Reply r =
        m.raw.send(
            s -> {
              s.identity = renter;
              s.method = "POST";
              s.path = "/api/v1/contracts";
              s.body = body.getBytes(StandardCharsets.UTF_8);
              s.headers.put("Idempotency-Key", "shared-key");
              return s;
            });
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }
}
