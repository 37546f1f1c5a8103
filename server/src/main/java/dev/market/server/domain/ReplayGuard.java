package dev.market.server.domain;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The replay rule of docs/protocol.md section 2: a (public key, nonce) pair is accepted once. The
 * rows live in {@code seen_nonces} so every process sharing the database refuses a second use; how
 * a pair gets there depends on what the request can do (docs/server.md, "Replay"):
 *
 * <ul>
 *   <li>a mutating request's pair is inserted by the first write transaction of that request
 *       ({@link #carryingNonces}), so the nonce commits with the write or not at all, and the
 *       primary key decides between processes;
 *   <li>a read's pair is checked against this process's {@code pending} set, then against the
 *       committed rows, then inserted in batches by {@link #flush} (no read waits for a disk
 *       flush); another process refuses its replay once the batch commits.
 * </ul>
 *
 * <p>{@link #follow} reads every pair committed by any process, in commit order, into {@link
 * CommittedPairs}, and while it has caught up within {@link #DEFAULT_TRUST} a read whose pair is
 * not there is accepted without a lookup; one whose hash is there is looked up, since hashes can
 * collide. When following lags or fails, every read is looked up again.
 *
 * <p>The lookups of reads that wait at the same moment are coalesced: a waiting read (a leader)
 * takes every pair queued at that moment and looks them all up in one query, answers each, and
 * hands its place to the first read queued behind them. At most {@link #LOOKUP_LEADERS} lookup
 * queries are in flight at a time, so N concurrent reads cost a few round trips and connections
 * instead of N.
 *
 * <p>This process refuses any pair it has accepted, at once: a pair stays in {@code pending} until
 * its row is committed, and after that the row refuses it.
 */
public final class ReplayGuard {
  private static final int FLUSH_BATCH = 2_000;

  /** Bounds one lookup query (and the wait of the read that leads it). */
  private static final int LOOKUP_BATCH = 256;

  /**
   * Lookup queries in flight at once. More than one, so that when the machine is busy a leader
   * waiting to be scheduled does not hold up every read behind it; few, so that they stay batched
   * and leave the read pool's connections (4 on SQLite) to the handlers.
   */
  private static final int LOOKUP_LEADERS = 2;

  /**
   * How long after {@link #follow} last caught up a read may skip its lookup: with the 100 ms flush
   * of another process, a replay there of a read served here is refused within 1 s
   * (docs/server.md).
   */
  public static final Duration DEFAULT_TRUST = Duration.ofMillis(500);

  /** Rows one query of {@link #follow} reads. */
  private static final int FOLLOW_PAGE = 10_000;

  /** Queries one call of {@link #follow} runs at most (catching up at start-up takes several). */
  private static final int FOLLOW_PAGES = 10;

  /** Held by a signed request until it ends. */
  public interface Spent extends AutoCloseable {
    @Override
    void close();
  }

  private static final Spent NOTHING = () -> {};

  private final MarketStore store;
  private final boolean enabled;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<NonceRepository.Seen> unflushed =
      new ConcurrentLinkedQueue<>();
  // the mutating request running on this thread; static, so each use checks it is this guard's
  private static final ThreadLocal<Mutation> CURRENT = new ThreadLocal<>();
  private final AtomicLong lateReads = new AtomicLong();

  // the coalesced lookups of reads; waiting and leaders are guarded by lookupLock
  private final Object lookupLock = new Object();
  private final ArrayDeque<Lookup> waiting = new ArrayDeque<>();
  private int leaders;
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicLong lookedUp = new AtomicLong();

  // what follow() has read; cursor is the follower's alone (follow is synchronized)
  private final CommittedPairs committed = new CommittedPairs();
  private final long trustNanos;
  private final int followPage;
  private long cursor;
  private volatile boolean caughtUp;
  private volatile long caughtUpAtNanos;
  private final AtomicLong unlooked = new AtomicLong();

  /** A read waiting to learn whether its pair is recorded. */
  private static final class Lookup {
    static final int UNKNOWN = 0;
    static final int FRESH = 1;
    static final int RECORDED = 2;
    static final int FAILED = 3;

    final NonceRepository.Key key;
    final Thread thread = Thread.currentThread();
    volatile int answer = UNKNOWN;
    volatile RuntimeException failure;

    /** Set when a leader that is done hands its place to this read. */
    volatile boolean lead;

    Lookup(NonceRepository.Key key) {
      this.key = key;
    }
  }

  /**
   * @param enabled false only for the benchmark that measures what this guard costs; nothing is
   *     checked or stored then
   */
  public ReplayGuard(MarketStore store, boolean enabled) {
    this(store, enabled, DEFAULT_TRUST, FOLLOW_PAGE);
  }

  /**
   * @param trust how long after {@link #follow} last caught up a read may skip its lookup
   * @param followPage rows one query of {@link #follow} reads
   */
  public ReplayGuard(MarketStore store, boolean enabled, Duration trust, int followPage) {
    this.store = store;
    this.enabled = enabled;
    this.trustNanos = trust.toNanos();
    this.followPage = followPage;
  }

  private static final class Mutation implements Spent {
    final ReplayGuard guard;
    final NonceRepository.Seen seen;
    boolean committed;

    Mutation(ReplayGuard guard, NonceRepository.Seen seen) {
      this.guard = guard;
      this.seen = seen;
    }

    @Override
    public void close() {
      CURRENT.remove();
      if (!committed) {
        // refused or failed before any write committed: still spend the nonce, so a request
        // refused for the state it met cannot be replayed once that state changes
        try {
          guard.store.write(tx -> tx.nonces().record(seen.pubkey(), seen.nonce(), seen.atNs()));
        } catch (RuntimeException e) {
          guard.unflushed.add(seen); // the flusher retries; the pair stays pending till then
          return;
        }
      }
      guard.spent(seen);
    }
  }

  /** A pair whose row is committed: known from now on, so it can leave {@code pending}. */
  private void spent(NonceRepository.Seen seen) {
    committed.add(committed.hash(seen.pubkey(), seen.nonce()), seen.atNs());
    pending.remove(key(seen.pubkey(), seen.nonce()));
  }

  private static String key(String signer, String nonce) {
    return signer + ' ' + nonce;
  }

  private static DomainException replayed() {
    return DomainException.unauthorized("nonce already used: replayed request");
  }

  /**
   * A read (GET): refused when this process holds the pair or its row is committed; otherwise
   * queued for {@link #flush}.
   *
   * @throws DomainException unauthorized when the pair was seen before
   */
  public Spent spendOnRead(String signer, String nonce, long nowNs) {
    if (!enabled) {
      return NOTHING;
    }
    String n = nonce.toLowerCase(Locale.ROOT);
    String key = key(signer, n);
    if (!pending.add(key)) {
      throw replayed();
    }
    boolean seen;
    try {
      // read caughtUp before the pairs: what follow() added before it caught up is visible then
      if (trusted() && !committed.mightContain(committed.hash(signer, n))) {
        unlooked.incrementAndGet();
        seen = false;
      } else {
        seen = recorded(new NonceRepository.Key(signer, n));
      }
    } catch (RuntimeException e) {
      pending.remove(key);
      throw e;
    }
    if (seen) {
      pending.remove(key);
      throw replayed();
    }
    unflushed.add(new NonceRepository.Seen(signer, n, nowNs));
    return NOTHING;
  }

  /**
   * Whether {@code key}'s row is committed, looked up together with the other reads waiting now.
   * Every read queues its pair. While fewer than {@link #LOOKUP_LEADERS} reads are looking up, a
   * read becomes a leader at once; otherwise it waits. A leader takes the pairs at the head of the
   * queue (up to {@link #LOOKUP_BATCH}), looks them all up in one query and answers each read; it
   * goes on while its own pair is unanswered, and once it is answered hands its place to the read
   * at the head of the queue, or gives it up when the queue is empty. So a queued pair always has a
   * leader that will take it, and a lone read looks itself up at once, without waiting for anyone.
   */
  private boolean recorded(NonceRepository.Key key) {
    Lookup mine = new Lookup(key);
    boolean lead;
    synchronized (lookupLock) {
      waiting.add(mine);
      lead = leaders < LOOKUP_LEADERS;
      if (lead) {
        leaders++;
      }
    }
    if (lead) {
      leadUntilAnswered(mine);
    } else {
      while (mine.answer == Lookup.UNKNOWN && !mine.lead) {
        LockSupport.park(this);
      }
      if (mine.lead) {
        leadUntilAnswered(mine);
      }
    }
    while (mine.answer == Lookup.UNKNOWN) { // another leader's query has it in flight
      LockSupport.park(this);
    }
    if (mine.answer == Lookup.FAILED) {
      throw mine.failure;
    }
    return mine.answer == Lookup.RECORDED;
  }

  /** Runs lookups until {@code mine} is answered, then hands the place on (or gives it up). */
  private void leadUntilAnswered(Lookup mine) {
    while (true) {
      List<Lookup> batch = new ArrayList<>();
      Lookup next;
      synchronized (lookupLock) {
        Lookup l;
        while (batch.size() < LOOKUP_BATCH && (l = waiting.poll()) != null) {
          batch.add(l);
        }
        if (batch.isEmpty()) {
          // nothing left to take: mine is in another leader's query, or answered
          leaders--;
          return;
        }
      }
      lookUp(batch);
      if (mine.answer == Lookup.UNKNOWN) {
        continue;
      }
      synchronized (lookupLock) {
        next = waiting.peek();
        if (next == null) {
          leaders--;
        } else {
          // set while it is queued, so before any leader can take and answer it: its thread
          // sees the lead when it wakes, whatever woke it, and the place is never lost
          next.lead = true;
        }
      }
      if (next != null) {
        LockSupport.unpark(next.thread);
      }
      return;
    }
  }

  /** One query for the batch; answers every read in it (a failure fails each of them). */
  private void lookUp(List<Lookup> batch) {
    try {
      List<NonceRepository.Key> keys = new ArrayList<>(batch.size());
      for (Lookup l : batch) {
        keys.add(l.key);
      }
      Set<NonceRepository.Key> found = store.read(tx -> tx.nonces().recordedAmong(keys));
      lookups.incrementAndGet();
      lookedUp.addAndGet(batch.size());
      for (Lookup l : batch) {
        l.answer = found.contains(l.key) ? Lookup.RECORDED : Lookup.FRESH;
      }
    } catch (RuntimeException | Error e) {
      // every read of the batch is answered, even by an Error: a read left unanswered would wait
      // for ever, and a leader that left would leak its place
      RuntimeException failure =
          e instanceof RuntimeException r ? r : DomainException.internal("nonce lookup: " + e, e);
      for (Lookup l : batch) {
        l.failure = failure;
        l.answer = Lookup.FAILED;
      }
    }
    Thread me = Thread.currentThread();
    for (Lookup l : batch) {
      if (l.thread != me) {
        LockSupport.unpark(l.thread);
      }
    }
  }

  /** Lookup queries run for reads so far, each for one or more reads. Never reset. */
  public long readLookups() {
    return lookups.get();
  }

  /** Reads whose pair those lookup queries looked up ({@code >=} {@link #readLookups}). */
  public long readsLookedUp() {
    return lookedUp.get();
  }

  /**
   * A mutating request: refused when this process holds the pair; otherwise the pair rides on the
   * request's first write transaction through {@link #carryingNonces}, or is spent on its own when
   * the request ends without one. Close the result when the request ends, on its thread.
   *
   * @throws DomainException unauthorized when this process holds the pair
   */
  public Spent spendOnWrite(String signer, String nonce, long nowNs) {
    if (!enabled) {
      return NOTHING;
    }
    String n = nonce.toLowerCase(Locale.ROOT);
    if (!pending.add(key(signer, n))) {
      throw replayed();
    }
    Mutation m = new Mutation(this, new NonceRepository.Seen(signer, n, nowNs));
    CURRENT.set(m);
    return m;
  }

  /**
   * Writes the queued read nonces in batches; the background flusher calls it every few
   * milliseconds. Returns the number written.
   */
  public int flush() {
    int written = 0;
    while (true) {
      List<NonceRepository.Seen> batch = new ArrayList<>();
      NonceRepository.Seen s;
      while (batch.size() < FLUSH_BATCH && (s = unflushed.poll()) != null) {
        batch.add(s);
      }
      if (batch.isEmpty()) {
        return written;
      }
      int already;
      try {
        already = store.write(tx -> tx.nonces().recordAll(batch));
      } catch (RuntimeException e) {
        unflushed.addAll(batch);
        throw e;
      }
      lateReads.addAndGet(already);
      for (NonceRepository.Seen done : batch) {
        spent(done);
      }
      written += batch.size();
    }
  }

  /**
   * Read nonces another process had already accepted when this one flushed them: replayed reads
   * that got through inside the flush delay (docs/server.md). Counted, never reset.
   */
  public long lateReads() {
    return lateReads.get();
  }

  private boolean trusted() {
    return caughtUp && System.nanoTime() - caughtUpAtNanos <= trustNanos;
  }

  /**
   * Reads the pairs committed since the last call, by any process, into the set that lets a read
   * skip its lookup; the background flusher calls it after each {@link #flush}. Returns the number
   * read (a pair read again counts again).
   */
  public synchronized int follow() {
    if (!enabled) {
      return 0;
    }
    int read = 0;
    for (int page = 0; page < FOLLOW_PAGES; page++) {
      // a row committed before this instant is in the query's snapshot, so in this page or a
      // later one of this call
      long startedAt = System.nanoTime();
      long after = cursor;
      NonceRepository.Page next = store.read(tx -> tx.nonces().committedAfter(after, followPage));
      for (NonceRepository.Seen s : next.pairs()) {
        committed.add(committed.hash(s.pubkey(), s.nonce()), s.atNs());
      }
      cursor = next.cursor();
      read += next.pairs().size();
      if (next.pairs().size() < followPage) {
        caughtUpAtNanos = startedAt;
        caughtUp = true;
        return read;
      }
      if (cursor == after) {
        return read; // one transaction's rows fill a page: not caught up, reads are looked up
      }
    }
    return read;
  }

  /** Forgets the followed pairs seen before {@code ns}, as their rows are pruned. */
  public void forgetOlderThan(long ns) {
    committed.forgetBefore(ns);
  }

  /** Reads accepted without a lookup, their pair not among the followed ones. Never reset. */
  public long readsNotLookedUp() {
    return unlooked.get();
  }

  /** Hashes of committed pairs held for {@link #follow}. */
  public long followedPairs() {
    return committed.size();
  }

  /** Pairs this process accepted whose rows are not committed yet. */
  public int pendingCount() {
    return pending.size();
  }

  /**
   * {@code inner}, with the first write transaction of a mutating request also inserting its nonce:
   * a duplicate (another process used it) refuses the request and rolls the write back.
   */
  public MarketStore carryingNonces(MarketStore inner) {
    return new MarketStore() {
      @Override
      public <T> T write(Work<T> work) {
        Mutation m = CURRENT.get();
        if (m == null || m.guard != ReplayGuard.this || m.committed) {
          return inner.write(work);
        }
        NonceRepository.Seen s = m.seen;
        T result =
            inner.write(
                tx -> {
                  if (!tx.nonces().record(s.pubkey(), s.nonce(), s.atNs())) {
                    throw replayed();
                  }
                  return work.run(tx);
                });
        m.committed = true;
        return result;
      }

      @Override
      public <T> T read(Work<T> work) {
        return inner.read(work);
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }
}
