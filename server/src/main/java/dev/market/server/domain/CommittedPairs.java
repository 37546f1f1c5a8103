package dev.market.server.domain;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A 64-bit hash of every (public key, nonce) pair committed to {@code seen_nonces} that this
 * process has read back or written, grouped by the minute it was seen, so that a read whose pair is
 * not here needs no database lookup ({@link ReplayGuard}, docs/server.md "Replay"). A hash that is
 * here only says "maybe": two pairs can share one, so the caller looks the pair up to be sure. The
 * hash is keyed by a secret chosen per process, so nobody can pick nonces that collide on purpose.
 *
 * <p>A pair costs 11 to 22 bytes of table (a table is 3/8 to 3/4 full). Thread-safe: each of 64
 * stripes of a minute is locked on its own.
 */
final class CommittedPairs {
  private static final long MINUTE_NS = 60_000_000_000L;
  private static final int STRIPES = 64;

  private final long seed;
  private final long seed2;
  // by minute, oldest first; replaced whole when a minute is added or forgotten
  private volatile Minute[] minutes = new Minute[0];

  CommittedPairs() {
    SecureRandom random = new SecureRandom();
    this.seed = random.nextLong();
    this.seed2 = random.nextLong() | 1;
  }

  /** The hash of a pair; never 0 (the empty slot). */
  long hash(String pubkey, String nonce) {
    long h = seed;
    h = mix(h, pubkey);
    h = (h ^ ' ') * 0x100000001b3L;
    h = mix(h, nonce);
    // murmur3's finaliser, with the second half of the key
    h ^= seed2;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** Records {@code hash}, seen at {@code atNs} (epoch nanoseconds). */
  void add(long hash, long atNs) {
    minute(Math.floorDiv(atNs, MINUTE_NS)).stripe(hash).add(hash);
  }

  /** False when no pair with this hash was added (or it was forgotten); true means maybe. */
  boolean mightContain(long hash) {
    for (Minute m : minutes) {
      if (m.stripe(hash).contains(hash)) {
        return true;
      }
    }
    return false;
  }

  /** Forgets the minutes that end at or before {@code ns}. */
  synchronized void forgetBefore(long ns) {
    Minute[] now = minutes;
    int keep = 0;
    while (keep < now.length && (now[keep].minute + 1) * MINUTE_NS <= ns) {
      keep++;
    }
    if (keep > 0) {
      minutes = Arrays.copyOfRange(now, keep, now.length);
    }
  }

  /** How many hashes are held (for tests and logs). */
  long size() {
    long n = 0;
    for (Minute m : minutes) {
      for (Stripe s : m.stripes) {
        n += s.size();
      }
    }
    return n;
  }

  private Minute minute(long minute) {
    for (Minute m : minutes) {
      if (m.minute == minute) {
        return m;
      }
    }
    synchronized (this) {
      Minute[] now = minutes;
      int at = 0;
      while (at < now.length && now[at].minute < minute) {
        at++;
      }
      if (at < now.length && now[at].minute == minute) {
        return now[at];
      }
      Minute m = new Minute(minute);
      Minute[] next = new Minute[now.length + 1];
      System.arraycopy(now, 0, next, 0, at);
      next[at] = m;
      System.arraycopy(now, at, next, at + 1, now.length - at);
      minutes = next;
      return m;
    }
  }

  private static final class Minute {
    final long minute;
    final Stripe[] stripes = new Stripe[STRIPES];

    Minute(long minute) {
      this.minute = minute;
      for (int i = 0; i < STRIPES; i++) {
        stripes[i] = new Stripe();
      }
    }

    Stripe stripe(long hash) {
      return stripes[(int) (hash >>> 58)];
    }
  }

  /** An open-addressing set of non-zero longs, linear probing, at most three quarters full. */
  private static final class Stripe {
    private long[] table = new long[16];
    private int size;

    synchronized int size() {
      return size;
    }

    synchronized boolean contains(long hash) {
      return table[slot(table, hash)] == hash;
    }

    synchronized void add(long hash) {
      if (insert(table, hash)) {
        size++;
        if (size * 4 > table.length * 3) {
          long[] bigger = new long[table.length * 2];
          for (long v : table) {
            if (v != 0) {
              insert(bigger, v);
            }
          }
          table = bigger;
        }
      }
    }

    private static boolean insert(long[] t, long hash) {
      int i = slot(t, hash);
      if (t[i] == hash) {
        return false;
      }
      t[i] = hash;
      return true;
    }

    /** Where {@code hash} is in {@code t}, or the empty slot where it would go. */
    private static int slot(long[] t, long hash) {
      int mask = t.length - 1;
      int i = (int) hash & mask;
      while (t[i] != hash && t[i] != 0) {
        i = (i + 1) & mask;
      }
      return i;
    }
  }
}
