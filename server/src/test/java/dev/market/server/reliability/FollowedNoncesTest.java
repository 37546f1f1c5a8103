package dev.market.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.server.domain.DomainException;
import dev.market.server.domain.ReplayGuard;
import dev.market.server.store.jdbc.JdbcStore;
import dev.market.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads that skip their lookup (docs/server.md, "Replay"): every process reads back the pairs
 * committed by all of them, in commit order (SQLite's rowid, PostgreSQL's transaction ids), and a
 * read whose pair is not among them is accepted without a query; any other read is looked up as
 * before. Two stores on one file are two processes here; each guard is driven by hand (flush,
 * follow) so every step is observed.
 */
class FollowedNoncesTest {
  private static final String SIGNER = "a".repeat(64);
  private static final Duration LONG_TRUST = Duration.ofHours(1);

  private static void assertReplayed(ReplayGuard g, String nonce) {
    assertThatThrownBy(() -> g.spendOnRead(SIGNER, nonce, now()))
        .isInstanceOf(DomainException.class)
        .hasMessage("nonce already used: replayed request");
  }

  private static long now() {
    return System.currentTimeMillis() * 1_000_000L;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void after_following_a_fresh_read_runs_no_lookup(TestDatabases.Kind kind) {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      ReplayGuard g = new ReplayGuard(store, true, LONG_TRUST, 100);
      g.spendOnRead(SIGNER, "before-follow", now());
      assertThat(g.readLookups()).isEqualTo(1);

      assertThat(g.follow()).isZero(); // nothing committed yet, but now caught up
      for (int i = 0; i < 20; i++) {
        g.spendOnRead(SIGNER, "fresh-" + i, now());
      }
      assertThat(g.readLookups()).isEqualTo(1);
      assertThat(g.readsNotLookedUp()).isEqualTo(20);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_process_refuses_a_pair_it_followed_and_looks_it_up_to_be_sure(
      TestDatabases.Kind kind) {
    String db = TestDatabases.fresh(kind);
    try (JdbcStore one = JdbcStore.open(db);
        JdbcStore two = JdbcStore.open(db)) {
      ReplayGuard a = new ReplayGuard(one, true, LONG_TRUST, 100);
      ReplayGuard b = new ReplayGuard(two, true, LONG_TRUST, 100);
      assertThat(b.follow()).isZero();
      a.spendOnRead(SIGNER, "n1", now());
      a.spendOnRead(SIGNER, "n2", now());
      assertThat(a.flush()).isEqualTo(2);

      // B has not followed since: it does not know the pairs, and accepts a replay inside the
      // window docs/server.md states (one flush there, one follow here)
      b.spendOnRead(SIGNER, "n1", now());
      assertThat(b.readLookups()).isZero();

      assertThat(b.follow()).isEqualTo(2);
      assertThat(b.followedPairs()).isEqualTo(2);
      assertReplayed(b, "n2");
      assertThat(b.readLookups()).as("the hash matched, the row decided").isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_process_that_flushed_a_pair_refuses_it_without_following(TestDatabases.Kind kind) {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      ReplayGuard g = new ReplayGuard(store, true, LONG_TRUST, 100);
      g.follow();
      g.spendOnRead(SIGNER, "mine", now());
      assertReplayed(g, "mine"); // pending
      g.flush();
      assertThat(g.pendingCount()).isZero();
      assertReplayed(g, "mine"); // known from its own flush, confirmed by its row
      assertThat(g.readLookups()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_follower_that_has_not_caught_up_lately_looks_every_read_up(TestDatabases.Kind kind)
      throws Exception {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      ReplayGuard g = new ReplayGuard(store, true, Duration.ofMillis(1), 100);
      g.follow();
      Thread.sleep(20);
      g.spendOnRead(SIGNER, "late-1", now());
      g.spendOnRead(SIGNER, "late-2", now());
      assertThat(g.readLookups()).isEqualTo(2);
      assertThat(g.readsNotLookedUp()).isZero();
    }
  }

  @Test
  void catching_up_takes_pages_and_trusts_only_once_the_last_one_is_read() {
    // SQLite: a page ends at any row (on PostgreSQL at a transaction, see below)
    String db = TestDatabases.freshSqlite();
    try (JdbcStore one = JdbcStore.open(db);
        JdbcStore two = JdbcStore.open(db)) {
      ReplayGuard a = new ReplayGuard(one, true, LONG_TRUST, 3);
      for (int i = 0; i < 35; i++) {
        a.spendOnRead(SIGNER, "p" + i, now());
      }
      a.flush();

      ReplayGuard b = new ReplayGuard(two, true, LONG_TRUST, 3);
      assertThat(b.follow()).as("ten full pages of three").isEqualTo(30);
      b.spendOnRead(SIGNER, "still-catching-up", now());
      assertThat(b.readLookups()).isEqualTo(1);

      assertThat(b.follow()).isEqualTo(5);
      b.spendOnRead(SIGNER, "caught-up", now());
      assertThat(b.readLookups()).isEqualTo(1);
      assertReplayed(b, "p34");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void pruning_keeps_the_newest_row_so_commit_order_goes_on(TestDatabases.Kind kind) {
    String db = TestDatabases.fresh(kind);
    try (JdbcStore one = JdbcStore.open(db);
        JdbcStore two = JdbcStore.open(db)) {
      ReplayGuard a = new ReplayGuard(one, true, LONG_TRUST, 100);
      ReplayGuard b = new ReplayGuard(two, true, LONG_TRUST, 100);
      a.spendOnRead(SIGNER, "old-1", now());
      a.spendOnRead(SIGNER, "old-2", now());
      a.spendOnRead(SIGNER, "old-3", now());
      a.flush();
      assertThat(b.follow()).isEqualTo(3);

      int pruned = one.write(tx -> tx.nonces().pruneOlderThan(Long.MAX_VALUE));
      assertThat(pruned).isEqualTo(3);
      boolean forgotten = !one.read(tx -> tx.nonces().contains(SIGNER, "old-3"));
      assertThat(forgotten).as("a pruned pair may be used again").isTrue();

      // with the table emptied, SQLite would give the next row rowid 1, behind B's cursor
      a.spendOnRead(SIGNER, "new", now());
      a.flush();
      assertThat(b.follow()).isEqualTo(1);
      assertReplayed(b, "new");

      int again = one.write(tx -> tx.nonces().pruneOlderThan(Long.MAX_VALUE));
      int rows = one.read(tx -> tx.nonces().committedAfter(0, 100).pairs().size());
      if (kind == TestDatabases.Kind.SQLITE) {
        // the blank row in front of the newest is deleted, the newest blanked: never two blanks
        assertThat(again).isEqualTo(2);
        assertThat(rows).isEqualTo(1);
      } else {
        assertThat(again).isEqualTo(1);
        assertThat(rows).isZero();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void forgotten_minutes_hold_nothing(TestDatabases.Kind kind) {
    try (JdbcStore store = JdbcStore.open(TestDatabases.fresh(kind))) {
      ReplayGuard g = new ReplayGuard(store, true, LONG_TRUST, 100);
      long t = now();
      g.spendOnRead(SIGNER, "x", t);
      g.spendOnRead(SIGNER, "y", t);
      g.flush();
      assertThat(g.followedPairs()).isEqualTo(2);
      g.forgetOlderThan(t);
      assertThat(g.followedPairs()).as("their minute has not ended").isEqualTo(2);
      g.forgetOlderThan(t + 60_000_000_000L);
      assertThat(g.followedPairs()).isZero();
    }
  }

  @Test
  void on_postgres_a_transaction_still_open_is_read_once_it_commits() throws Exception {
    String db = TestDatabases.freshPostgres();
    try (JdbcStore one = JdbcStore.open(db);
        JdbcStore two = JdbcStore.open(db);
        Connection open = DriverManager.getConnection(db)) {
      ReplayGuard a = new ReplayGuard(one, true, LONG_TRUST, 100);
      ReplayGuard b = new ReplayGuard(two, true, LONG_TRUST, 100);
      // an older transaction takes its id first and commits last
      open.setAutoCommit(false);
      try (PreparedStatement ps =
          open.prepareStatement(
              "INSERT INTO seen_nonces (pubkey, nonce, seen_at_ns) VALUES (?, 'slow', ?)")) {
        ps.setString(1, SIGNER);
        ps.setLong(2, now());
        ps.executeUpdate();
      }
      a.spendOnRead(SIGNER, "quick", now());
      a.flush();
      assertThat(b.follow()).isEqualTo(1);
      assertReplayed(b, "quick");

      open.commit();
      assertThat(b.follow()).as("the slow row, and the quick one again").isEqualTo(2);
      long before = b.readLookups();
      assertReplayed(b, "slow");
      assertThat(b.readLookups())
          .as("found by its hash, confirmed by its row")
          .isEqualTo(before + 1);
    }
  }

  @Test
  void on_postgres_a_page_ends_at_a_transaction_and_one_larger_than_a_page_is_not_trusted() {
    String db = TestDatabases.freshPostgres();
    try (JdbcStore one = JdbcStore.open(db);
        JdbcStore two = JdbcStore.open(db)) {
      ReplayGuard a = new ReplayGuard(one, true, LONG_TRUST, 3);
      for (int i = 0; i < 5; i++) {
        a.spendOnRead(SIGNER, "t" + i, now());
      }
      a.flush(); // one transaction of five rows

      ReplayGuard b = new ReplayGuard(two, true, LONG_TRUST, 3);
      // from 0 to the transaction, then the same three from there: no progress, so it stops
      assertThat(b.follow()).isEqualTo(6);
      b.spendOnRead(SIGNER, "not-trusted", now());
      assertThat(b.readLookups()).isEqualTo(1);
      assertThat(b.readsNotLookedUp()).isZero();
    }
  }
}
