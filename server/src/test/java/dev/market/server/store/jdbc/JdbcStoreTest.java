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
        assertThat(pragma(store, "temp_store", writer)).isEqualTo("2"); // MEMORY
        assertThat(pragma(store, "cache_size", writer)).isEqualTo("-65536");
      }
      // the Checkpointer's thread checkpoints; the writer's own is only a backstop
      assertThat(pragma(store, "wal_autocheckpoint", true))
          .isEqualTo(Integer.toString(Checkpointer.WRITER_BACKSTOP_PAGES));
    }
  }

  @Test
  void between_groups_the_writer_holds_no_lock_another_process_could_wait_on() throws Exception {
    String db = TestDatabases.freshSqlite();
    try (JdbcStore store = JdbcStore.open(db)) {
      store.write(
          tx -> {
            tx.settings().setAutoAccept("ab".repeat(32), true, 1);
            return null;
          });
      // another process: no busy timeout, so a write lock the store still held fails at once
      try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
          java.sql.Statement s = other.createStatement()) {
        s.execute("PRAGMA busy_timeout = 0");
        s.execute("BEGIN IMMEDIATE");
        s.execute("UPDATE provider_settings SET auto_accept = 0");
        s.execute("COMMIT");
      }
      boolean afterOther = store.read(tx -> tx.settings().autoAccept("ab".repeat(32)));
      assertThat(afterOther).isFalse();
      // and the store writes on after it, with its statements prepared before
      store.write(
          tx -> {
            tx.settings().setAutoAccept("ab".repeat(32), true, 2);
            return null;
          });
      boolean afterOurs = store.read(tx -> tx.settings().autoAccept("ab".repeat(32)));
      assertThat(afterOurs).isTrue();
    }
  }

  @Test
  void the_checkpoint_thread_copies_the_wal_into_the_file_without_a_write() throws Exception {
    String db = TestDatabases.freshSqlite();
    java.nio.file.Path file = java.nio.file.Path.of(db);
    try (JdbcStore store = JdbcStore.open(db)) {
      // the migration's own pages may still be on their way into the file: wait for it to settle
      long before = java.nio.file.Files.size(file);
      for (int still = 0; still < 5; ) {
        Thread.sleep(Checkpointer.PERIOD_MS);
        long now = java.nio.file.Files.size(file);
        still = now == before ? still + 1 : 0;
        before = now;
      }
      for (int i = 0; i < 200; i++) {
        String key = String.format("%064x", i);
        store.write(
            tx -> {
              tx.settings().setAutoAccept(key, true, 1);
              return null;
            });
      }
      // fewer than SQLite's own 1,000-page threshold: only the Checkpointer moves them
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (java.nio.file.Files.size(file) == before && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(java.nio.file.Files.size(file)).isGreaterThan(before);
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
