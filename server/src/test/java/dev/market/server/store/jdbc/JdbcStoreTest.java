package dev.market.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.protocol.model.ContractStatus;
import dev.market.server.domain.MarketStore;
import dev.market.server.domain.NewContract;
import dev.market.server.support.TestDatabases;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's own guarantees on both databases. */
class JdbcStoreTest {

  private static String pragma(JdbcStore store, String name, boolean writer) {
    MarketStore.Work<String> read =
        tx -> ((JdbcTx) tx).one("PRAGMA " + name, rs -> rs.getString(1)).orElseThrow();
    return writer ? store.write(read) : store.read(read);
  }

  @Test
  void sqlite_connections_use_wal_foreign_keys_full_sync_and_a_busy_timeout() {
    try (JdbcStore store = JdbcStore.open(TestDatabases.freshSqlite())) {
      for (boolean writer : new boolean[] {true, false}) {
        assertThat(pragma(store, "journal_mode", writer)).isEqualToIgnoringCase("wal");
        assertThat(pragma(store, "foreign_keys", writer)).isEqualTo("1");
        assertThat(pragma(store, "synchronous", writer)).isEqualTo("2"); // FULL
        assertThat(Integer.parseInt(pragma(store, "busy_timeout", writer))).isPositive();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void reopening_a_migrated_database_keeps_its_data(TestDatabases.Kind kind) {
    String db = TestDatabases.fresh(kind);
    try (JdbcStore store = JdbcStore.open(db)) {
      store.write(
          tx -> {
            tx.setAutoAccept("ab".repeat(32), true, 1);
            return null;
          });
    }
    try (JdbcStore again = JdbcStore.open(db)) {
      boolean on = again.read(tx -> tx.autoAccept("ab".repeat(32)));
      assertThat(on).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_contract_for_a_missing_offering_is_refused_by_the_foreign_key(TestDatabases.Kind kind) {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      NewContract orphan =
          new NewContract(
              "cd".repeat(32),
              "a",
              "ssh",
              "",
              "p",
              4242,
              "o",
              "n",
              0,
              "USD",
              "test",
              "pending",
              0,
              1,
              1,
              null,
              null,
              null,
              0,
              ContractStatus.REQUESTED.wire());
      assertThatThrownBy(
              () ->
                  store.write(
                      tx -> {
                        tx.insertContract(orphan);
                        return null;
                      }))
          .isInstanceOf(StoreException.class);
      java.util.Optional<dev.market.protocol.model.Contract> stored =
          store.read(tx -> tx.contract("cd".repeat(32)));
      assertThat(stored).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_nonce_is_accepted_once_even_under_concurrency(TestDatabases.Kind kind) throws Exception {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        AtomicInteger accepted = new AtomicInteger();
        List<Future<?>> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
          fs.add(
              pool.submit(
                  () -> {
                    if (store.recordNonce("k", "n-1", 5)) {
                      accepted.incrementAndGet();
                    }
                  }));
        }
        for (Future<?> f : fs) {
          f.get();
        }
        assertThat(accepted).hasValue(1);
      } finally {
        pool.shutdownNow();
      }
      // pruned past the window, then accepted again
      int pruned = store.write(tx -> tx.pruneNonces(6));
      assertThat(pruned).isEqualTo(1);
      assertThat(store.recordNonce("k", "n-1", 7)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_shared_token_bucket_refuses_past_the_burst_and_refills(TestDatabases.Kind kind) {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      long t = 1_000_000_000_000L;
      assertThat(store.takeSharedToken("b", 1.0, 2, t)).isZero();
      assertThat(store.takeSharedToken("b", 1.0, 2, t)).isZero();
      assertThat(store.takeSharedToken("b", 1.0, 2, t)).isEqualTo(1);
      assertThat(store.takeSharedToken("b", 1.0, 2, t + 1_000_000_000L)).isZero();
    }
  }
}
