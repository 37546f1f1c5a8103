package dev.market.server.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>The lookups of reads that wait at the same moment are coalesced: one waiting read (the leader)
 * takes every pair queued at that moment and looks them all up in one query, answers each, and
 * hands the lead to the first read queued behind them. One lookup query is in flight at a time, so
 * N concurrent reads cost about one round trip and one connection each time instead of N.
 *
 * <p>This process refuses any pair it has accepted, at once: a pair stays in {@code pending} until
 * its row is committed, and after that the row refuses it.
 */
public final class ReplayGuard {
  private static final int FLUSH_BATCH = 2_000;

  /** Bounds one lookup query (and the wait of the read that leads it). */
  private static final int LOOKUP_BATCH = 256;

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

  // the coalesced lookups of reads: guarded by lookupLock
  private final Object lookupLock = new Object();
  private final ArrayDeque<Lookup> waiting = new ArrayDeque<>();
  private boolean looking;
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicLong lookedUp = new AtomicLong();

  private enum Outcome {
    FRESH,
    RECORDED,
    /** The read that led the previous lookup hands the next one to this read. */
    LEAD
  }

  /** A read waiting to learn whether its pair is recorded. */
  private static final class Lookup {
    final NonceRepository.Key key;
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    Lookup(NonceRepository.Key key) {
      this.key = key;
    }
  }

  /**
   * @param enabled false only for the benchmark that measures what this guard costs; nothing is
   *     checked or stored then
   */
  public ReplayGuard(MarketStore store, boolean enabled) {
    this.store = store;
    this.enabled = enabled;
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
      guard.pending.remove(key(seen.pubkey(), seen.nonce()));
    }
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
      seen = recorded(new NonceRepository.Key(signer, n));
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
   * When no lookup is running this read leads one at once; otherwise it queues, and the read that
   * led the running lookup hands the next one (with every read queued by then) to the first queued.
   * Invariant: {@code looking} is false only while {@code waiting} is empty, so a read that takes
   * the lead is at the head of the queue and in the batch it looks up.
   */
  private boolean recorded(NonceRepository.Key key) {
    Lookup mine = new Lookup(key);
    boolean lead;
    synchronized (lookupLock) {
      waiting.add(mine);
      lead = !looking;
      looking = true;
    }
    if (!lead) {
      Outcome o = await(mine);
      if (o != Outcome.LEAD) {
        return o == Outcome.RECORDED;
      }
    }
    return lookUp(mine);
  }

  /**
   * Looks up the batch at the head of the queue ({@code mine} is in it), then hands the lead on.
   */
  private boolean lookUp(Lookup mine) {
    List<Lookup> batch = new ArrayList<>();
    synchronized (lookupLock) {
      Lookup l;
      while (batch.size() < LOOKUP_BATCH && (l = waiting.poll()) != null) {
        batch.add(l);
      }
    }
    try {
      List<NonceRepository.Key> keys = new ArrayList<>(batch.size());
      for (Lookup l : batch) {
        keys.add(l.key);
      }
      Set<NonceRepository.Key> found = store.read(tx -> tx.nonces().recordedAmong(keys));
      lookups.incrementAndGet();
      lookedUp.addAndGet(batch.size());
      boolean mineRecorded = false;
      for (Lookup l : batch) {
        boolean recorded = found.contains(l.key);
        if (l == mine) {
          mineRecorded = recorded;
        } else {
          l.outcome.complete(recorded ? Outcome.RECORDED : Outcome.FRESH);
        }
      }
      return mineRecorded;
    } catch (RuntimeException | Error e) {
      for (Lookup l : batch) {
        if (l != mine) {
          l.outcome.completeExceptionally(e);
        }
      }
      throw e;
    } finally {
      Lookup next;
      synchronized (lookupLock) {
        next = waiting.peek();
        if (next == null) {
          looking = false;
        }
      }
      if (next != null) {
        next.outcome.complete(Outcome.LEAD);
      }
    }
  }

  private static Outcome await(Lookup l) {
    try {
      return l.outcome.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
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
        pending.remove(key(done.pubkey(), done.nonce()));
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
