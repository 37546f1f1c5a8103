package dev.market.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.protocol.model.ContractStatus;
import dev.market.server.domain.Contract;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.MarketStore;
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
        tx ->
            NamedSql.sql("PRAGMA " + name)
                .one(((JdbcTx) tx).connection(), rs -> rs.getString(1))
                .orElseThrow();
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
            tx.settings().setAutoAccept("ab".repeat(32), true, 1);
            return null;
          });
    }
    try (JdbcStore again = JdbcStore.open(db)) {
      boolean on = again.read(tx -> tx.settings().autoAccept("ab".repeat(32)));
      assertThat(on).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_contract_for_a_missing_offering_is_refused_by_the_foreign_key(TestDatabases.Kind kind) {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      Contract orphan =
          Contract.builder()
              .contractId("cd".repeat(32))
              .requesterPubkey("a")
              .requesterSshPubkey("ssh")
              .requesterContact("")
              .providerPubkey("p")
              .offeringDbId(4242L)
              .offeringId("o")
              .offeringName("n")
              .paymentAmountE9s(0L)
              .currency("USD")
              .paymentMethod("test")
              .paymentStatus("pending")
              .startTimestampNs(0L)
              .endTimestampNs(1L)
              .durationHours(1L)
              .createdAtNs(0L)
              .status(ContractStatus.REQUESTED.wire())
              .statusUpdatedAtNs(0L)
              .build();
      assertThatThrownBy(
              () ->
                  store.write(
                      tx -> {
                        tx.contracts().insert(orphan);
                        return null;
                      }))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INTERNAL));
      java.util.Optional<Contract> stored = store.read(tx -> tx.contracts().byId("cd".repeat(32)));
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
                    if (store.write(tx -> tx.nonces().record("k", "n-1", 5))) {
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
      int pruned = store.write(tx -> tx.nonces().pruneOlderThan(6));
      assertThat(pruned).isEqualTo(1);
      boolean again = store.write(tx -> tx.nonces().record("k", "n-1", 7));
      assertThat(again).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_shared_token_bucket_refuses_past_the_burst_and_refills(TestDatabases.Kind kind) {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      long t = 1_000_000_000_000L;
      assertThat(take(store, "b", 1.0, 2, t)).isZero();
      assertThat(take(store, "b", 1.0, 2, t)).isZero();
      assertThat(take(store, "b", 1.0, 2, t)).isEqualTo(1);
      assertThat(take(store, "b", 1.0, 2, t + 1_000_000_000L)).isZero();
    }
  }

  private static long take(JdbcStore store, String key, double perSecond, double burst, long now) {
    return store.write(tx -> tx.rateLimits().take(key, perSecond, burst, now));
  }
}
