import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.crypto.RequestSigning;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the replay guard and durable writes cost, measured side by side in one run:
 *
 * <ol>
 *   <li>signed GET /users/{pk}/contracts on server A (replay store on) and server B (the same
 *       database, --bench-no-replay-store): one untimed warm-up round on each (printed as such),
 *       then alternated ROUNDS times; every request pre-signed with its own nonce before its phase
 *       starts; throughput, p50, p99;
 *   <li>durable rents (POST /contracts) on A with CLIENTS concurrent renters;
 *   <li>the database's own durable single-row insert rate with the same concurrency (plain JDBC,
 *       autocommit; SQLite: WAL + synchronous=FULL through one connection, as SQLite has one
 *       writer; PostgreSQL: CLIENTS connections).
 * </ol>
 *
 * Usage: java -cp <server classpath> bench/SignedLoad.java URL_A URL_B DB BASELINE_DB CLIENTS
 * READS_PER_CLIENT RENTS_PER_CLIENT ROUNDS
 */
public class SignedLoad {
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static Identity id(String name) throws Exception {
    return Identity.fromSecret(
        MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
  }

  static HttpRequest sign(String base, Identity who, String method, String path, String body) {
    String ts = Long.toString(System.currentTimeMillis() * 1_000_000L);
    String nonce = UUID.randomUUID().toString();
    byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    byte[] sig = who.sign(RequestSigning.message(ts, nonce, method, path, b));
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(base + path))
            .header(RequestSigning.HEADER_PUBLIC_KEY, who.publicKeyHex())
            .header(RequestSigning.HEADER_TIMESTAMP, ts)
            .header(RequestSigning.HEADER_NONCE, nonce)
            .header(RequestSigning.HEADER_SIGNATURE, Hex.encode(sig));
    if (body == null) {
      return r.GET().build();
    }
    return r.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(b))
        .build();
  }

  /**
   * One wrk phase of signed reads against {@code base}: GET /users/{pk}/contracts by {@code who}.
   */
  static Figures wrk(String base, Identity who, int clients, int seconds, int perThread)
      throws Exception {
    return wrk(
        base, "GET", "/api/v1/users/" + who.publicKeyHex() + "/contracts", null, List.of(who),
        clients, seconds, perThread);
  }

  /**
   * One wrk phase against {@code base}: {@code seconds} long, {@code clients} connections on two
   * threads, each request signed beforehand with its own nonce ({@code perThread} per thread, more
   * than the phase can send), by the {@code signers} in turn. wrk is C and far lighter than a Java
   * client, so on a machine where the load generator shares the cores it leaves more of them to
   * the server.
   */
  static Figures wrk(
      String base,
      String method,
      String path,
      String body,
      List<Identity> signers,
      int clients,
      int seconds,
      int perThread)
      throws Exception {
    byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("signed");
    try {
      java.nio.file.Files.writeString(
          dir.resolve("meta"), method + "\n" + path + "\n" + (body == null ? "" : body) + "\n");
      int n = 0;
      for (int t = 0; t < 2; t++) {
        StringBuilder lines = new StringBuilder(perThread * 270);
        for (int i = 0; i < perThread; i++) {
          Identity who = signers.get(n++ % signers.size());
          String ts = Long.toString(System.currentTimeMillis() * 1_000_000L);
          String nonce = UUID.randomUUID().toString();
          byte[] sig = who.sign(RequestSigning.message(ts, nonce, method, path, bodyBytes));
          lines.append(who.publicKeyHex()).append(' ').append(ts).append(' ').append(nonce)
              .append(' ').append(Hex.encode(sig)).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("t" + t), lines);
      }
      return runWrk(
          dir,
          "wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "--latency", "-s",
          java.nio.file.Path.of("bench/signed.lua").toAbsolutePath().toString(), base);
    } finally {
      try (var files = java.nio.file.Files.list(dir)) {
        for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
          java.nio.file.Files.delete(f);
        }
      }
      java.nio.file.Files.delete(dir);
    }
  }

  /**
   * The ceiling of any request on this machine: unsigned GET /api/v1/health (no database, no
   * signature) from wrk with the same connections, for reading the durable-insert baseline
   * against: a rent cannot go faster than this.
   */
  static Figures health(String base, int clients, int seconds) throws Exception {
    return runWrk(
        null, "wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "--latency",
        base + "/api/v1/health");
  }

  /** Runs wrk ({@code signedDir}: its SIGNED_DIR, or null) and reads its totals; any refusal fails. */
  static Figures runWrk(java.nio.file.Path signedDir, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (signedDir != null) {
      pb.environment().put("SIGNED_DIR", signedDir.toString());
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    if (out.contains("Non-2xx") || out.contains("Socket errors")) {
      throw new IllegalStateException(
          "wrk saw refused or failed requests (too few pre-signed ones?):\n" + out);
    }
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("(\\d+) requests in ([0-9.]+)s").matcher(out);
    if (!total.find()) {
      throw new IllegalStateException("no totals in wrk's output:\n" + out);
    }
    return new Figures(
        Integer.parseInt(total.group(1)),
        Double.parseDouble(total.group(2)),
        latencyMs(out, "50%"),
        latencyMs(out, "99%"));
  }

  /** A percentile of wrk's "Latency Distribution" (e.g. "99%    3.21ms"), in milliseconds. */
  static double latencyMs(String wrkOut, String pct) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\s" + java.util.regex.Pattern.quote(pct)
                + "\\s+([0-9.]+)(us|ms|s)\\b")
            .matcher(wrkOut);
    if (!m.find()) {
      throw new IllegalStateException("no " + pct + " latency in wrk's output:\n" + wrkOut);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }

  static boolean haveWrk() {
    if (System.getenv("BENCH_NO_WRK") != null) {
      return false;
    }
    try {
      return new ProcessBuilder("wrk", "--version").start().waitFor() >= 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static HttpResponse<String> send(HttpRequest r) throws Exception {
    return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
  }

  record Figures(int n, double secs, double p50ms, double p99ms) {
    double rate() {
      return n / secs;
    }

    String line() {
      return String.format(
          "%6d in %5.2f s = %7.0f/s  p50 %6.2f ms  p99 %6.2f ms", n, secs, rate(), p50ms, p99ms);
    }
  }

  /** Sends every request of {@code perClient.get(i)} from its own thread; all must answer 200. */
  static Figures run(ExecutorService pool, List<List<HttpRequest>> perClient) throws Exception {
    List<Future<long[]>> fs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (List<HttpRequest> mine : perClient) {
      fs.add(
          pool.submit(
              () -> {
                long[] lat = new long[mine.size()];
                for (int i = 0; i < mine.size(); i++) {
                  long s = System.nanoTime();
                  HttpResponse<String> resp = send(mine.get(i));
                  lat[i] = System.nanoTime() - s;
                  if (resp.statusCode() != 200) {
                    throw new IllegalStateException(resp.statusCode() + " " + resp.body());
                  }
                }
                return lat;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : fs) {
      for (long l : f.get()) {
        all.add(l);
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    all.sort(null);
    return new Figures(
        all.size(),
        secs,
        all.get(all.size() / 2) / 1e6,
        all.get(Math.min(all.size() - 1, (int) Math.ceil(all.size() * 0.99) - 1)) / 1e6);
  }

  static List<List<HttpRequest>> signedReads(String base, Identity who, int clients, int per) {
    String path = "/api/v1/users/" + who.publicKeyHex() + "/contracts";
    List<List<HttpRequest>> out = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<HttpRequest> mine = new ArrayList<>();
      for (int i = 0; i < per; i++) {
        mine.add(sign(base, who, "GET", path, null));
      }
      out.add(mine);
    }
    return out;
  }

  static List<List<HttpRequest>> rents(
      String base, List<Identity> renters, long offering, int per) {
    List<List<HttpRequest>> out = new ArrayList<>();
    for (Identity renter : renters) {
      List<HttpRequest> mine = new ArrayList<>();
      for (int i = 0; i < per; i++) {
        mine.add(sign(base, renter, "POST", "/api/v1/contracts", rentBody(offering)));
      }
      out.add(mine);
    }
    return out;
  }

  /** Demo play money (the servers run with --demo): enough for every rent of the run. */
  static void deposit(String base, Identity who) throws Exception {
    HttpResponse<String> r =
        send(
            sign(
                base,
                who,
                "POST",
                "/api/v1/users/" + who.publicKeyHex() + "/wallet/deposits",
                "{\"amountE9s\":1000000000000000}"));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("deposit: " + r.statusCode() + " " + r.body());
    }
  }

  static String rentBody(long offering) {
    return "{\"offering_db_id\":"
        + offering
        + ",\"ssh_pubkey\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl b\","
        + "\"payment_method\":\"test\",\"duration_hours\":24}";
  }

  /**
   * One durable autocommit INSERT per call from each of {@code clients} threads: {@code per} each,
   * or as many as fit in {@code seconds} when that is positive (a timed phase, like wrk's).
   */
  static Figures insertBaseline(
      ExecutorService pool, String db, int clients, int per, int seconds) throws Exception {
    boolean pg = db.startsWith("jdbc:postgresql:");
    List<Connection> conns = new ArrayList<>();
    if (pg) {
      for (int c = 0; c < clients; c++) {
        conns.add(DriverManager.getConnection(db));
      }
    } else {
      Properties p = new Properties();
      p.setProperty("journal_mode", "WAL");
      p.setProperty("synchronous", "FULL");
      p.setProperty("busy_timeout", "10000");
      conns.add(DriverManager.getConnection("jdbc:sqlite:" + db, p));
    }
    try (Statement s = conns.get(0).createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_insert");
      s.execute("CREATE TABLE bench_insert (id BIGINT PRIMARY KEY, v TEXT NOT NULL)");
    }
    ReentrantLock sqliteWriter = new ReentrantLock();
    List<Future<long[]>> fs = new ArrayList<>();
    long t0 = System.nanoTime();
    long deadline = seconds > 0 ? t0 + seconds * 1_000_000_000L : Long.MAX_VALUE;
    int count = seconds > 0 ? Integer.MAX_VALUE : per;
    for (int c = 0; c < clients; c++) {
      int client = c;
      Connection conn = pg ? conns.get(c) : conns.get(0);
      fs.add(
          pool.submit(
              () -> {
                long[] lat = new long[1024];
                int i = 0;
                for (; i < count && System.nanoTime() < deadline; i++) {
                  long s = System.nanoTime();
                  if (!pg) {
                    sqliteWriter.lock();
                  }
                  try (var ps =
                      conn.prepareStatement("INSERT INTO bench_insert (id, v) VALUES (?, ?)")) {
                    ps.setLong(1, (long) client * 1_000_000 + i);
                    ps.setString(2, "row " + i);
                    ps.executeUpdate();
                  } finally {
                    if (!pg) {
                      sqliteWriter.unlock();
                    }
                  }
                  if (i == lat.length) {
                    lat = java.util.Arrays.copyOf(lat, i * 2);
                  }
                  lat[i] = System.nanoTime() - s;
                }
                return java.util.Arrays.copyOf(lat, i);
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : fs) {
      for (long l : f.get()) {
        all.add(l);
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    for (Connection c : conns) {
      c.close();
    }
    all.sort(null);
    return new Figures(
        all.size(),
        secs,
        all.get(all.size() / 2) / 1e6,
        all.get(Math.min(all.size() - 1, (int) Math.ceil(all.size() * 0.99) - 1)) / 1e6);
  }

  public static void main(String[] a) throws Exception {
    String urlA = a[0];
    String urlB = a[1];
    String baselineDb = a[3];
    int clients = Integer.parseInt(a[4]);
    int reads = Integer.parseInt(a[5]);
    int rents = Integer.parseInt(a[6]);
    int rounds = Integer.parseInt(a[7]);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      System.exit(measure(pool, urlA, urlB, baselineDb, clients, reads, rents, rounds));
    } catch (Exception e) {
      // a failed phase must end the run, not leave the pool's threads holding the JVM open
      e.printStackTrace();
      System.exit(2);
    } finally {
      pool.shutdownNow();
    }
  }

  static int measure(
      ExecutorService pool,
      String urlA,
      String urlB,
      String baselineDb,
      int clients,
      int reads,
      int rents,
      int rounds)
      throws Exception {
    String run = Long.toString(System.nanoTime());

    Identity provider = id("bench-provider-" + run);
    Identity reader = id("bench-reader-" + run);
    String offeringBody =
        "{\"offering_id\":\"bench-"
            + run
            + "\",\"offer_name\":\"Bench box\",\"product_type\":\"compute\",\"currency\":\"USD\","
            + "\"monthly_price\":30,\"min_contract_hours\":1,\"max_contract_hours\":8760}";
    HttpResponse<String> created =
        send(
            sign(
                urlA,
                provider,
                "POST",
                "/api/v1/providers/" + provider.publicKeyHex() + "/offerings",
                offeringBody));
    if (created.statusCode() != 200) {
      throw new IllegalStateException(created.body());
    }
    long offering =
        Long.parseLong(created.body().replaceAll("(?s).*\"data\"\\s*:\\s*(\\d+).*", "$1"));
    // rents hold their price in escrow (docs/protocol.md section 13): fund every renter first
    deposit(urlA, reader);
    for (int i = 0; i < 5; i++) { // the read returns five contracts
      send(sign(urlA, reader, "POST", "/api/v1/contracts", rentBody(offering)));
    }
    System.out.printf(
        "signed GET /users/{pk}/contracts (5 contracts), %d clients%n", clients);
    double sumA = 0;
    double sumB = 0;
    double worstP99A = 0;
    // with wrk on the PATH the read phases are wrk's, READS seconds each (a lighter load generator);
    // without it, java.net.http from CLIENTS threads, READS requests each
    boolean wrk = haveWrk();
    System.out.println(
        wrk
            ? "  load generator: wrk -t2 -c" + clients + ", " + reads + " s a phase"
            : "  load generator: java.net.http, " + clients + " threads (no wrk on PATH)");
    // one untimed round of the same reads on each server first, as the rents get a warm-up batch:
    // the targets are about a running server, not its JIT, pools and connections warming up. It is
    // printed so it cannot be mistaken for a measured round, and counts in no figure below
    for (String url : List.of(urlA, urlB)) {
      Figures warm =
          wrk
              ? wrk(url, reader, clients, reads, Math.max(40_000, reads * 5_000))
              : run(pool, signedReads(url, reader, clients, reads));
      System.out.printf(
          "  warm-up  replay store %s: %s   (not measured)%n",
          url.equals(urlA) ? "on " : "off", warm.line());
    }
    for (int r = 0; r < rounds; r++) {
      Figures fa =
          wrk
              ? wrk(urlA, reader, clients, reads, Math.max(40_000, reads * 5_000))
              : run(pool, signedReads(urlA, reader, clients, reads));
      Figures fb =
          wrk
              ? wrk(urlB, reader, clients, reads, Math.max(40_000, reads * 5_000))
              : run(pool, signedReads(urlB, reader, clients, reads));
      sumA += fa.rate();
      sumB += fb.rate();
      worstP99A = Math.max(worstP99A, fa.p99ms());
      System.out.printf("  round %d    replay store on : %s%n", r + 1, fa.line());
      System.out.printf("  round %d    replay store off: %s   ratio on/off %.2f%n", r + 1, fb.line(),
          fa.rate() / fb.rate());
    }
    System.out.printf(
        "  mean ratio on/off: %.2f (target >= 0.80); worst p99 with the store on: %.2f ms%n",
        sumA / sumB, worstP99A);

    // the guard is really on at A and really off at B
    HttpRequest once = sign(urlA, reader, "GET", "/api/v1/users/" + reader.publicKeyHex() + "/contracts", null);
    int first = send(once).statusCode();
    int replayed = send(once).statusCode();
    HttpRequest onceB = sign(urlB, reader, "GET", "/api/v1/users/" + reader.publicKeyHex() + "/contracts", null);
    send(onceB);
    int replayedB = send(onceB).statusCode();
    System.out.printf("  replay check: A %d then %d; B (store off) %d then %d%n", first, replayed, 200, replayedB);

    // durable rents vs the database's own durable insert, same concurrency, one after the other;
    // a warm-up batch of each first, so neither is measured with a cold JIT
    List<Identity> renters = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Identity renter = id("bench-renter-" + run + "-" + c);
      deposit(urlA, renter);
      renters.add(renter);
    }
    // with wrk the rent phases are wrk's too (READS seconds, the same load generator as the reads,
    // every rent pre-signed by the renters in turn); without it java.net.http, RENTS per renter
    int rentSecs = Math.max(5, reads);
    int rentsPerThread = Math.max(40_000, rentSecs * 5_000);
    String rentPath = "/api/v1/contracts";
    if (wrk) {
      wrk(urlA, "POST", rentPath, rentBody(offering), renters, clients, Math.max(3, rentSecs / 2),
          rentsPerThread);
    } else {
      run(pool, rents(urlA, renters, offering, Math.max(5, rents / 2)));
    }
    int insertSecs = wrk ? rentSecs : 0;
    insertBaseline(pool, baselineDb, clients, Math.max(5, rents / 2), insertSecs / 2);
    Figures rent =
        wrk
            ? wrk(urlA, "POST", rentPath, rentBody(offering), renters, clients, rentSecs,
                rentsPerThread)
            : run(pool, rents(urlA, renters, offering, rents));
    Figures ins = insertBaseline(pool, baselineDb, clients, rents, insertSecs);
    System.out.printf("durable rents, %d clients       : %s%n", clients, rent.line());
    System.out.printf("durable single-row inserts, %d   : %s%n", clients, ins.line());
    System.out.printf("  ratio rents/inserts: %.2f (target >= 0.50)%n", rent.rate() / ins.rate());
    if (wrk) {
      Figures ceiling = health(urlA, clients, rentSecs);
      System.out.printf("unsigned GET /api/v1/health, %d : %s   (the ceiling of any request)%n",
          clients, ceiling.line());
      System.out.printf("  ratio health/inserts: %.2f%n", ceiling.rate() / ins.rate());
    }
    return replayed == 401 && first == 200 ? 0 : 1;
  }
}
