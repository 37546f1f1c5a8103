package dev.market.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.domain.NonceRepository;
import dev.market.server.support.Ids;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The coalesced lookup of read nonces (docs/server.md, "Replay"): the reads waiting at one moment
 * share one lookup query, and each still gets the answer for its own pair, on both databases.
 */
class CoalescedReplayCheckTest {
  private static final int BURST = 32;

  private final Identity renter = Ids.of("coalesce-renter");
  private final Identity other = Ids.of("coalesce-other");

  private String contractsPath() {
    return "/api/v1/users/" + renter.publicKeyHex() + "/contracts";
  }

  private int read(TestServer s, String ts, String nonce) {
    return new Raw(s)
        .send(
            spec -> {
              spec.identity = renter;
              spec.path = contractsPath();
              spec.timestamp = ts;
              spec.nonce = nonce;
              return spec;
            })
        .status();
  }

  /** Sends every (timestamp, nonce) at once from its own thread; the statuses in that order. */
  private List<Integer> burst(ExecutorService pool, TestServer s, List<String[]> requests)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> calls = new ArrayList<>();
    for (String[] r : requests) {
      calls.add(
          pool.submit(
              () -> {
                go.await();
                return read(s, r[0], r[1]);
              }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : calls) {
      statuses.add(f.get());
    }
    return statuses;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_batch_lookup_finds_exactly_the_committed_pairs(TestDatabases.Kind kind) {
    try (TestServer s =
        TestServer.start(TestDatabases.fresh(kind), b -> b.readNonceFlush(Duration.ofHours(1)))) {
      String a = renter.publicKeyHex();
      String b = other.publicKeyHex();
      List<NonceRepository.Seen> rows =
          List.of(
              new NonceRepository.Seen(a, "n1", 1L),
              new NonceRepository.Seen(a, "n2", 2L),
              new NonceRepository.Seen(b, "n3", 3L));
      int firstTime = s.server.store().write(tx -> tx.nonces().recordAll(rows));
      assertThat(firstTime).isZero();
      // written again with one new pair: the three are counted as already there
      List<NonceRepository.Seen> again = new ArrayList<>(rows);
      again.add(new NonceRepository.Seen(b, "n4", 4L));
      int secondTime = s.server.store().write(tx -> tx.nonces().recordAll(again));
      assertThat(secondTime).isEqualTo(3);

      List<NonceRepository.Key> asked =
          List.of(
              new NonceRepository.Key(a, "n1"),
              new NonceRepository.Key(a, "n3"), // n3 is b's, not a's
              new NonceRepository.Key(b, "n1"), // n1 is a's, not b's
              new NonceRepository.Key(b, "n3"),
              new NonceRepository.Key(b, "n4"),
              new NonceRepository.Key(a, "never"));
      Set<NonceRepository.Key> found =
          s.server.store().read(tx -> tx.nonces().recordedAmong(asked));
      assertThat(found)
          .containsExactlyInAnyOrder(
              new NonceRepository.Key(a, "n1"),
              new NonceRepository.Key(b, "n3"),
              new NonceRepository.Key(b, "n4"));
      Set<NonceRepository.Key> none =
          s.server.store().read(tx -> tx.nonces().recordedAmong(List.of()));
      assertThat(none).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_replay_in_the_same_burst_as_its_original_is_refused(TestDatabases.Kind kind)
      throws Exception {
    // no flush: every refusal here comes from this process's memory or the shared lookup
    try (TestServer s =
        TestServer.start(TestDatabases.fresh(kind), b -> b.readNonceFlush(Duration.ofHours(1)))) {
      ExecutorService pool = Executors.newFixedThreadPool(BURST);
      try {
        for (int round = 0; round < 5; round++) {
          String ts = new Raw(s).nowNs();
          String twice = UUID.randomUUID().toString();
          List<String[]> requests = new ArrayList<>();
          for (int i = 0; i < BURST; i++) {
            // half of the burst is one nonce sent 16 times, the other half fresh nonces
            requests.add(new String[] {ts, i % 2 == 0 ? twice : UUID.randomUUID().toString()});
          }
          List<Integer> statuses = burst(pool, s, requests);
          int acceptedTwice = 0;
          for (int i = 0; i < BURST; i++) {
            if (i % 2 == 0) {
              acceptedTwice += statuses.get(i) == 200 ? 1 : 0;
              assertThat(statuses.get(i)).as("round %d, request %d", round, i).isIn(200, 401);
            } else {
              assertThat(statuses.get(i)).as("round %d, fresh %d", round, i).isEqualTo(200);
            }
          }
          assertThat(acceptedTwice).as("round %d: uses of one nonce accepted", round).isEqualTo(1);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void reads_looked_up_together_on_another_server_each_get_their_own_answer(TestDatabases.Kind kind)
      throws Exception {
    String db = TestDatabases.fresh(kind);
    try (TestServer a = TestServer.start(db, b -> b.readNonceFlush(Duration.ofHours(1)));
        TestServer b = TestServer.start(db, c -> c.readNonceFlush(Duration.ofHours(1)))) {
      ExecutorService pool = Executors.newFixedThreadPool(BURST);
      try {
        // until B has run at least one lookup for several reads at once (it almost always does in
        // the first round; the statuses are checked in every round)
        for (int round = 0;
            round < 20 && b.server.replays().readsLookedUp() <= b.server.replays().readLookups();
            round++) {
          String ts = new Raw(a).nowNs();
          List<String[]> requests = new ArrayList<>();
          List<Boolean> replayed = new ArrayList<>();
          for (int i = 0; i < BURST; i++) {
            String nonce = UUID.randomUUID().toString();
            boolean onA = i % 3 == 0;
            if (onA) {
              assertThat(read(a, ts, nonce)).isEqualTo(200);
            }
            requests.add(new String[] {ts, nonce});
            replayed.add(onA);
          }
          // A's pairs are committed now; B never saw them, so only its lookup can refuse them
          a.server.flushNonces();
          assertThat(a.server.replays().pendingCount()).isZero();
          List<Integer> statuses = burst(pool, b, requests);
          for (int i = 0; i < BURST; i++) {
            assertThat(statuses.get(i))
                .as("round %d, request %d (used on A: %s)", round, i, replayed.get(i))
                .isEqualTo(replayed.get(i) ? 401 : 200);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(b.server.replays().readsLookedUp())
          .as("reads looked up by B, against its %d lookups", b.server.replays().readLookups())
          .isGreaterThan(b.server.replays().readLookups());
    }
  }
}
