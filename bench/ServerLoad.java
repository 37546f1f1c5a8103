import dev.market.client.MarketClient;
import dev.market.protocol.crypto.Identity;
import dev.market.client.error.ConflictException;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load against a running market-server through the real client: concurrent rents (throughput and
 * latency), concurrent reads of one offering, then rounds of two concurrent accepts on one
 * contract (exactly one must win).
 * Usage: java -cp <server lib jars> bench/ServerLoad.java URL THREADS RENTS_PER_THREAD ROUNDS
 */
public class ServerLoad {
  static Identity id(String name) throws Exception {
    return Identity.fromSecret(
        MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
  }

  static MarketClient client(String url, Identity who) {
    return MarketClient.builder().baseUrl(url).identity(who).maxAttempts(1).build();
  }

  public static void main(String[] a) throws Exception {
    String url = a[0];
    int threads = Integer.parseInt(a[1]);
    int perThread = Integer.parseInt(a[2]);
    int rounds = Integer.parseInt(a[3]);
    String run = Long.toString(System.nanoTime());
    MarketClient provider = client(url, id("bench-provider-" + run));
    long offering =
        provider.offerings().create(
            new Offering(null, null, "bench-" + run, "Bench box", null, "compute", "USD",
                new BigDecimal("30"), null, "public", "in_stock", null, 2, null, "4 GB", null,
                null, null, null, "DE", null, null, null, null, 1L, 8760L, null, null, null, null, false, null, null));
    RentalRequest req =
        new RentalRequest(offering,
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl b",
            "test", 24L, null, null, null, null);

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<String> contracts = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> fs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      MarketClient renter = client(url, id("bench-renter-" + run + "-" + t));
      fs.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          long s = System.nanoTime();
          contracts.add(renter.rentals().create(req).contractId());
          latencies.add(System.nanoTime() - s);
        }
        return null;
      }));
    }
    for (Future<?> f : fs) f.get();
    double secs = (System.nanoTime() - t0) / 1e9;
    Collections.sort(latencies);
    System.out.printf("rents: %d in %.2f s = %.0f/s with %d threads; latency p50 %.1f ms, p99 %.1f ms%n",
        contracts.size(), secs, contracts.size() / secs, threads,
        latencies.get(latencies.size() / 2) / 1e6,
        latencies.get((int) (latencies.size() * 0.99)) / 1e6);

    // reads: unsigned GET /offerings/{id}, the cheapest request, so a per-request cost shows most
    List<Long> reads = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> rs = new ArrayList<>();
    long g0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      MarketClient reader = client(url, id("bench-reader-" + run + "-" + t));
      rs.add(pool.submit(() -> {
        for (int i = 0; i < perThread * 4; i++) {
          long s = System.nanoTime();
          reader.offerings().get(offering);
          reads.add(System.nanoTime() - s);
        }
        return null;
      }));
    }
    for (Future<?> f : rs) f.get();
    double gsecs = (System.nanoTime() - g0) / 1e9;
    Collections.sort(reads);
    System.out.printf("reads: %d in %.2f s = %.0f/s with %d threads; latency p50 %.1f ms, p99 %.1f ms%n",
        reads.size(), gsecs, reads.size() / gsecs, threads,
        reads.get(reads.size() / 2) / 1e6, reads.get((int) (reads.size() * 0.99)) / 1e6);

    MarketClient provider2 = client(url, id("bench-provider-" + run));
    int exactlyOne = 0;
    long r0 = System.nanoTime();
    for (int r = 0; r < rounds && r < contracts.size(); r++) {
      String c = contracts.get(r);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> two = new ArrayList<>();
      for (MarketClient p : List.of(provider, provider2)) {
        two.add(pool.submit(() -> {
          go.await();
          try {
            p.provider().accept(c, null);
            return true;
          } catch (ConflictException e) {
            return false;
          }
        }));
      }
      go.countDown();
      int wins = (two.get(0).get() ? 1 : 0) + (two.get(1).get() ? 1 : 0);
      if (wins == 1) exactlyOne++;
    }
    System.out.printf("double-accept races: %d rounds, exactly one winner in %d (%.1f ms a round)%n",
        rounds, exactlyOne, (System.nanoTime() - r0) / 1e6 / rounds);
    pool.shutdownNow();
    System.exit(exactlyOne == rounds ? 0 : 1);
  }
}
