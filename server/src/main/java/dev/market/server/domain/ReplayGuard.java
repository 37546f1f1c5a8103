package dev.market.server.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 *   <li>a read's pair is checked against the committed rows and this process's {@code pending} set,
 *       then inserted in batches by {@link #flush} (no read waits for a disk flush); another
 *       process refuses its replay once the batch commits.
 * </ul>
 *
 * This process refuses any pair it has accepted, at once: a pair stays in {@code pending} until its
 * row is committed, and after that the row refuses it.
 */
public final class ReplayGuard {
  private static final int FLUSH_BATCH = 2_000;

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
      seen = store.read(tx -> tx.nonces().contains(signer, n));
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
