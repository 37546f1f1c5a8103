package dev.market.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommittedPairsTest {
  private static final long MINUTE = 60_000_000_000L;
  private static final String KEY = "b".repeat(64);

  @Test
  void holds_every_pair_added_through_many_resizes_and_no_other() {
    CommittedPairs pairs = new CommittedPairs();
    long t = 1_000 * MINUTE;
    for (int i = 0; i < 200_000; i++) {
      pairs.add(pairs.hash(KEY, "n" + i), t + i);
    }
    assertThat(pairs.size()).isEqualTo(200_000);
    int missing = 0;
    int extra = 0;
    for (int i = 0; i < 200_000; i++) {
      if (!pairs.mightContain(pairs.hash(KEY, "n" + i))) {
        missing++;
      }
      if (pairs.mightContain(pairs.hash(KEY, "m" + i))) {
        extra++;
      }
    }
    assertThat(missing).isZero();
    assertThat(extra).isZero();
  }

  @Test
  void a_pair_added_twice_is_held_once() {
    CommittedPairs pairs = new CommittedPairs();
    long h = pairs.hash(KEY, "twice");
    pairs.add(h, 5 * MINUTE);
    pairs.add(h, 5 * MINUTE + 1);
    assertThat(pairs.size()).isEqualTo(1);
  }

  @Test
  void forgetting_drops_whole_minutes_that_ended() {
    CommittedPairs pairs = new CommittedPairs();
    long early = pairs.hash(KEY, "early");
    long late = pairs.hash(KEY, "late");
    pairs.add(late, 7 * MINUTE + 30);
    pairs.add(early, 3 * MINUTE + 59 * 1_000_000_000L);
    pairs.forgetBefore(4 * MINUTE - 1);
    assertThat(pairs.mightContain(early)).isTrue();
    pairs.forgetBefore(4 * MINUTE);
    assertThat(pairs.mightContain(early)).isFalse();
    assertThat(pairs.mightContain(late)).isTrue();
    assertThat(pairs.size()).isEqualTo(1);
  }

  @Test
  void the_hash_is_keyed_per_instance_and_separates_key_from_nonce() {
    CommittedPairs one = new CommittedPairs();
    CommittedPairs two = new CommittedPairs();
    assertThat(one.hash(KEY, "n")).isNotEqualTo(two.hash(KEY, "n"));
    assertThat(one.hash("ab", "c")).isNotEqualTo(one.hash("a", "bc"));
    assertThat(one.hash(KEY, "n")).isEqualTo(one.hash(KEY, "n"));
  }
}
