package dev.market.server.money;

import static dev.market.server.support.Market.E9;
import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.domain.money.LedgerCheck;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.MutableClock;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The ledger invariant under concurrent load from TWO servers on one database: 8 workers rent,
 * deposit, withdraw, extend, accept, reject, provision and cancel at random while both servers
 * sweep (completing, renewing, expiring) on a clock that jumps. Afterwards every account's balance
 * equals its entries, all balances add up to deposits minus withdrawals, none is negative, and no
 * ended contract holds escrow: each was settled exactly once.
 */
abstract class LedgerInvariantContract {
  static final int WORKERS = 8;
  static final int OPS_PER_WORKER = 60;

  abstract TestDatabases.Kind kind();

  @Test
  void under_concurrent_load_from_two_servers_the_ledger_balances_and_nothing_goes_negative()
      throws Exception {
    String db = TestDatabases.fresh(kind());
    MutableClock clock = MutableClock.systemNow();
    // the clock jumps while requests are in flight: a wide signature window keeps them valid
    java.util.function.UnaryOperator<dev.market.server.ServerConfig.Builder> wide =
        c -> c.signatureWindow(Duration.ofDays(1));
    try (TestServer a = TestServer.start(db, clock, wide);
        TestServer b = TestServer.start(db, clock, wide)) {
      Market ma = new Market(a);
      Market mb = new Market(b);
      Identity provider = Ids.of("inv-provider");
      long offering = ma.publish(provider, "inv-1", "720");
      ConcurrentLinkedQueue<String> contracts = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        work.add(
            pool.submit(
                () -> {
                  Random rnd = new Random(worker);
                  Identity renter = Ids.of("inv-renter-" + worker);
                  List<String> mine = new ArrayList<>();
                  for (int i = 0; i < OPS_PER_WORKER; i++) {
                    Market m = rnd.nextBoolean() ? ma : mb;
                    Raw.Reply r = step(m, rnd, renter, provider, offering, contracts, mine);
                    if (r != null && !List.of(200, 402, 409, 422).contains(r.status())) {
                      unexpected.add(r.toString());
                    }
                  }
                  return null;
                }));
      }
      work.add(
          pool.submit(
              () -> {
                // 1-hour rentals end, renew and settle while the load runs
                for (int i = 0; i < 60; i++) {
                  clock.advance(Duration.ofMinutes(2));
                  a.server.sweep();
                  b.server.sweep();
                  Thread.sleep(20);
                }
                return null;
              }));
      for (Future<?> f : work) {
        f.get();
      }
      pool.shutdown();
      clock.advance(Duration.ofDays(30));
      a.server.sweep();
      b.server.sweep();

      assertThat(unexpected).isEmpty();
      assertThat(contracts).hasSizeGreaterThan(20);
      LedgerCheck check = a.server.ledger().check();
      assertThat(check.mismatches()).isEmpty();
      assertThat(check.balancesE9s()).isEqualTo(check.depositsE9s() - check.withdrawalsE9s());
      assertThat(check.depositsE9s()).isPositive();
      long openEscrow = 0;
      int ended = 0;
      for (String id : contracts) {
        if (dev.market.protocol.model.ContractStatus.parse(ma.status(id)).isTerminal()) {
          assertThat(ma.escrow(id)).as(id).isZero();
          ended++;
        } else {
          openEscrow += ma.escrow(id); // provisioned (no timeout) or auto-renewing
        }
      }
      assertThat(ended).isPositive();
      assertThat(check.escrowE9s()).isEqualTo(openEscrow);
    }
  }

  private static Raw.Reply step(
      Market m,
      Random rnd,
      Identity renter,
      Identity provider,
      long offering,
      ConcurrentLinkedQueue<String> contracts,
      List<String> mine) {
    String wallet = "/api/v1/users/" + renter.publicKeyHex() + "/wallet/";
    List<String> ids = new ArrayList<>(contracts);
    String any = ids.isEmpty() ? null : ids.get(rnd.nextInt(ids.size()));
    String own = mine.isEmpty() ? null : mine.get(rnd.nextInt(mine.size()));
    return switch (rnd.nextInt(9)) {
      case 0 ->
          m.raw.post(
              renter, wallet + "deposits", "{\"amountE9s\":" + (1 + rnd.nextInt(60)) * E9 + "}");
      case 1 ->
          m.raw.post(
              renter, wallet + "withdrawals", "{\"amountE9s\":" + (1 + rnd.nextInt(30)) * E9 + "}");
      case 2, 3 -> {
        String body =
            Market.rentBody(offering).replace("\"duration_hours\":24", "\"duration_hours\":1");
        if (rnd.nextBoolean()) {
          body = body.replace("}", ",\"auto_renew\":true}");
        }
        Raw.Reply r = m.raw.post(renter, "/api/v1/contracts", body);
        if (r.status() == 200) {
          contracts.add(r.data().get("contractId").asText());
          mine.add(r.data().get("contractId").asText());
        }
        yield r;
      }
      default -> {
        int op = rnd.nextInt(6);
        String some = op < 4 ? any : own;
        if (some == null) {
          yield null;
        }
        yield switch (op) {
          case 0 -> m.respond(provider, some, rnd.nextInt(4) != 0);
          case 1 -> m.provision(provider, some, "provisioning", null);
          case 2 -> m.provision(provider, some, "provisioned", Market.DETAILS);
          case 3 -> m.provision(provider, some, "active", null);
          case 4 ->
              m.raw.post(
                  renter,
                  "/api/v1/contracts/" + some + "/extend",
                  "{\"extensionHours\":" + (1 + rnd.nextInt(12)) + "}");
          default -> m.cancel(renter, some, null);
        };
      }
    };
  }
}
