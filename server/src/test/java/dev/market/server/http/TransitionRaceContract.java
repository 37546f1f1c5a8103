package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.ContractStatus;
import dev.market.server.domain.HistoryRow;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Concurrent conflicting calls on one contract, many rounds: each call applies a valid transition
 * from the state it finds or gets 409, none twice, and the history is a valid path with exactly one
 * row per applied transition. Run on SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransitionRaceContract {
  static final int ROUNDS = 30;
  private TestServer server;
  private Market m;
  private ExecutorService pool;
  private final Identity provider = Ids.of("race-provider");
  private final Identity renter = Ids.of("race-renter");
  private long offering;

  abstract TestDatabases.Kind kind();

  @BeforeAll
  void start() {
    server = TestServer.start(TestDatabases.fresh(kind()));
    m = new Market(server);
    offering = m.publish(provider, "race-1", "30");
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void of_two_concurrent_accepts_exactly_one_wins() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String id = m.rent(renter, offering);
      List<Raw.Reply> replies =
          race(id, c -> m.respond(provider, c, true), c -> m.respond(provider, c, true));
      assertThat(wins(replies)).as("round " + round).isEqualTo(1);
      assertThat(m.status(id)).isEqualTo("accepted");
      assertValidPath(id, replies, 2);
    }
  }

  @Test
  void of_reject_and_cancel_on_a_pending_request_exactly_one_wins() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String id = m.rent(renter, offering);
      List<Raw.Reply> replies =
          race(id, c -> m.respond(provider, c, false), c -> m.cancel(renter, c, "race"));
      assertThat(wins(replies)).as("round " + round).isEqualTo(1);
      assertThat(m.status(id)).isIn("rejected", "cancelled");
      assertValidPath(id, replies, 2);
    }
  }

  @Test
  void accept_reject_and_cancel_at_once_serialize_into_a_valid_path() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String id = m.rent(renter, offering);
      List<Raw.Reply> replies =
          race(
              id,
              c -> m.respond(provider, c, true),
              c -> m.respond(provider, c, false),
              c -> m.cancel(renter, c, "race"));
      // accept may precede reject or cancel (both allowed from accepted); never two terminals
      assertThat(wins(replies)).as("round " + round).isBetween(1, 2);
      // a loser that read "pending" before the accept committed gets 409, so accepted may stay
      assertThat(m.status(id)).isIn("accepted", "rejected", "cancelled");
      assertValidPath(id, replies, 2);
    }
  }

  @Test
  void of_two_concurrent_provisioned_reports_exactly_one_wins() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String id = m.rent(renter, offering);
      m.driveTo(provider, id, "provisioning");
      List<Raw.Reply> replies =
          race(
              id,
              c -> m.provision(provider, c, "provisioned", Market.DETAILS),
              c -> m.provision(provider, c, "provisioned", Market.DETAILS));
      assertThat(wins(replies)).as("round " + round).isEqualTo(1);
      assertThat(m.status(id)).isEqualTo("provisioned");
      assertValidPath(id, replies, 4);
    }
  }

  @SafeVarargs
  private List<Raw.Reply> race(String id, Function<String, Raw.Reply>... calls) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Raw.Reply>> futures = new ArrayList<>();
    for (Function<String, Raw.Reply> call : calls) {
      Callable<Raw.Reply> task =
          () -> {
            go.await();
            return call.apply(id);
          };
      futures.add(pool.submit(task));
    }
    go.countDown();
    List<Raw.Reply> out = new ArrayList<>();
    for (Future<Raw.Reply> f : futures) {
      Raw.Reply r = f.get();
      assertThat(r.status()).as(r.toString()).isIn(200, 409);
      if (r.status() == 409) {
        assertThat(r.code()).isEqualTo("invalid_transition");
      }
      out.add(r);
    }
    return out;
  }

  private static int wins(List<Raw.Reply> replies) {
    return (int) replies.stream().filter(r -> r.status() == 200).count();
  }

  /** Every row continues from the previous one along the machine; one row per win. */
  private void assertValidPath(String id, List<Raw.Reply> replies, int rowsBefore) {
    List<HistoryRow> rows = m.history(id);
    assertThat(rows).hasSize(rowsBefore + wins(replies));
    assertThat(rows.get(0).oldStatus()).isNull();
    assertThat(rows.get(0).newStatus()).isEqualTo("requested");
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).oldStatus()).isEqualTo(rows.get(i - 1).newStatus());
      assertThat(
              ContractStatus.parse(rows.get(i).oldStatus())
                  .canMoveTo(ContractStatus.parse(rows.get(i).newStatus())))
          .as(rows.get(i).toString())
          .isTrue();
    }
    assertThat(rows.get(rows.size() - 1).newStatus()).isEqualTo(m.status(id));
  }
}
