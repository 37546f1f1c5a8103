package dev.market.server.bench;

import dev.market.server.domain.OfferingSearch;
import dev.market.server.domain.search.Capacity;
import dev.market.server.store.jdbc.JdbcStore;
import dev.market.server.store.jdbc.OfferingSql;
import dev.market.server.store.jdbc.SqlFragment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Listing queries on 100,000 offerings through the server's real store (JdbcStore, real migrations,
 * OfferingSql), on a temp SQLite file and on embedded PostgreSQL. Prints median and p95 per query.
 * Run by {@code bench/search.sh}; not a test.
 *
 * <p>System properties: {@code rows} (100000), {@code runs} (30 per query after 5 warm-ups), {@code
 * pg.skip} (true leaves PostgreSQL out), {@code explain} (true prints each query's plan).
 */
public final class SearchBench {

  private record Query(String name, OfferingSearch search) {}

  private static final List<Query> QUERIES =
      List.of(
          new Query("no filter, first page", search(null, null, false, null, null, null, 0)),
          new Query("type=gpu & country=US", search("gpu", "US", false, null, null, null, 0)),
          new Query(
              "in stock, price 50..500",
              search(null, null, true, new BigDecimal("50"), new BigDecimal("500"), null, 0)),
          new Query(
              "protocol example expression",
              search(
                  null,
                  null,
                  false,
                  null,
                  null,
                  "type:(gpu OR compute) price:[50 TO 500] cores:>=8 !stock:out_of_stock",
                  0)),
          new Query("substring q=rtx", search(null, null, false, null, null, "rtx", 0)),
          new Query(
              "rare: gpu_memory:>=80 country:JP",
              search(null, null, false, null, null, "gpu_memory:>=80 country:jp", 0)),
          new Query("deep offset 50,000", search(null, null, false, null, null, null, 50_000)),
          new Query("rating:>=4.5", search(null, null, false, null, null, "rating:>=4.5", 0)),
          new Query(
              "sort=rating, first page",
              new OfferingSearch(
                  null, null, false, null, null, null, 50, 0, OfferingSearch.Sort.RATING)),
          new Query(
              "type:gpu rating:>=4 sort=rating",
              new OfferingSearch(
                  null,
                  null,
                  false,
                  null,
                  null,
                  "type:gpu rating:>=4",
                  50,
                  0,
                  OfferingSearch.Sort.RATING)));

  private static OfferingSearch search(
      String type,
      String country,
      boolean inStock,
      BigDecimal min,
      BigDecimal max,
      String q,
      int offset) {
    return new OfferingSearch(type, country, inStock, min, max, q, 50, offset);
  }

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 100_000);
    int runs = Integer.getInteger("runs", 30);
    boolean explain = Boolean.getBoolean("explain");
    System.out.printf(
        Locale.ROOT,
        "# %d offerings, %d runs per query after 5 warm-ups, limit 50; java %s, %d cpus%n",
        rows,
        runs,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());

    Path dir = Files.createTempDirectory("market-search-bench");
    Path file = dir.resolve("bench.db");
    try (JdbcStore store = JdbcStore.open(file.toString());
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      seed(c, rows, "SQLite");
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
      measure("SQLite", store, runs, explain ? c : null, "EXPLAIN QUERY PLAN ");
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir.resolve("bench.db-wal"));
      Files.deleteIfExists(dir.resolve("bench.db-shm"));
      Files.deleteIfExists(dir);
    }

    if (!Boolean.getBoolean("pg.skip")) {
      try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
        String url = pg.getJdbcUrl("postgres", "postgres");
        try (JdbcStore store = JdbcStore.open(url);
            Connection c = pg.getPostgresDatabase().getConnection()) {
          seed(c, rows, "PostgreSQL");
          try (Statement s = c.createStatement()) {
            s.execute("ANALYZE offerings");
            s.execute("ANALYZE provider_ratings");
          }
          measure("PostgreSQL", store, runs, explain ? c : null, "EXPLAIN ");
        }
      }
    }
  }

  private static void measure(
      String db, JdbcStore store, int runs, Connection explainOn, String explainPrefix)
      throws SQLException {
    System.out.printf(
        Locale.ROOT, "%n%-12s %-36s %8s %10s %10s%n", db, "query", "rows", "median ms", "p95 ms");
    for (Query q : QUERIES) {
      int found = 0;
      for (int i = 0; i < 5; i++) {
        found = store.read(tx -> tx.offerings().search(q.search())).size();
      }
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        store.read(tx -> tx.offerings().search(q.search()));
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      double median = ms[runs / 2];
      double p95 = ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)];
      System.out.printf(
          Locale.ROOT, "%-12s %-36s %8d %10.2f %10.2f%n", db, q.name(), found, median, p95);
      if (explainOn != null) {
        explain(explainOn, explainPrefix, q.search());
      }
    }
  }

  /** The plan of the same SQL JdbcTx runs, for deciding on indexes. */
  private static void explain(Connection c, String prefix, OfferingSearch s) throws SQLException {
    SqlFragment listing = OfferingSql.listing("id", s);
    String sql = prefix + listing.sql();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int i = 1;
      for (Object o : listing.params()) {
        p.setObject(i++, o);
      }
      try (ResultSet rs = p.executeQuery()) {
        int cols = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          System.out.println("             plan: " + rs.getString(cols));
        }
      }
    }
  }

  private static final String[] TYPES = {"compute", "gpu", "storage", "dedicated", "network"};
  private static final int[] TYPE_WEIGHTS = {40, 15, 15, 20, 10};
  private static final String[][] PLACES = {
    {"DE", "Falkenstein"},
    {"DE", "Frankfurt"},
    {"US", "New York"},
    {"US", "Ashburn"},
    {"US", "Dallas"},
    {"FI", "Helsinki"},
    {"NL", "Amsterdam"},
    {"SG", "Singapore"},
    {"CA", "Toronto"},
    {"FR", "Paris"},
    {"JP", "Tokyo"},
    {"GB", "London"},
    {"PL", "Warsaw"},
    {"AU", "Sydney"},
    {"BR", "Sao Paulo"},
    {"IN", "Mumbai"}
  };
  private static final String[][] GPUS = {
    {"NVIDIA GeForce RTX 4090", "24"},
    {"NVIDIA GeForce RTX 3090", "24"},
    {"NVIDIA A100 80GB", "80"},
    {"NVIDIA H100 80GB", "80"},
    {"NVIDIA L40S", "48"},
    {"NVIDIA RTX A6000", "48"},
    {"NVIDIA L4", "24"},
    {"NVIDIA Tesla T4", "16"}
  };
  private static final String[] MEMORY = {
    "1 GB", "2 GB", "4 GB", "8 GB", "16 GB", "32 GB", "64 GB", "128 GB", "256 GB", "512 GB"
  };
  private static final String[] DISKS = {
    "25 GB", "80 GB", "160 GB", "500 GB", "1 TB", "2 x 1 TB", "2 x 1.92 TB", "4 x 3.84 TB"
  };
  private static final String[] OS = {
    "Ubuntu 22.04, Debian 12",
    "Ubuntu 24.04",
    "Rocky Linux 9, AlmaLinux 9",
    "Windows Server 2022",
    "Debian 12"
  };
  private static final String[] WORDS = {
    "fast",
    "cheap",
    "reliable",
    "NVMe",
    "unmetered",
    "low latency",
    "DDoS protected",
    "green energy",
    "backup",
    "premium"
  };

  /** Deterministic data with the shape of a real catalogue; one transaction, batched. */
  private static void seed(Connection c, int rows, String db) throws SQLException {
    long t = System.nanoTime();
    Random r = new Random(42);
    c.setAutoCommit(false);
    String sql =
        "INSERT INTO offerings (pubkey, offering_id, offer_name, description, product_type,"
            + " currency, monthly_price_e9s, setup_fee_e9s, visibility, stock_status,"
            + " processor_brand, processor_cores, processor_name, memory_amount, memory_gb,"
            + " total_ssd_capacity, ssd_gb, total_hdd_capacity, hdd_gb, uplink_speed,"
            + " unmetered_bandwidth, datacenter_country, datacenter_city, gpu_name, gpu_count,"
            + " gpu_memory_gb, min_contract_hours, max_contract_hours, operating_systems,"
            + " billing_interval, is_draft, trust_score, created_at_ns)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int n = 0; n < rows; n++) {
        String type = pick(r);
        String[] place = PLACES[r.nextInt(PLACES.length)];
        boolean gpu = type.equals("gpu");
        boolean network = type.equals("network");
        // prices spread log-uniformly from ~2 to ~3,000 a month, in cents
        long cents = Math.round(Math.exp(Math.log(200) + r.nextDouble() * Math.log(1500)));
        String mem = network ? null : MEMORY[r.nextInt(MEMORY.length)];
        String ssd = network ? null : DISKS[r.nextInt(DISKS.length)];
        String hdd = type.equals("storage") ? (1 + r.nextInt(12)) + " x 16 TB" : null;
        String[] g = gpu ? GPUS[r.nextInt(GPUS.length)] : null;
        int i = 1;
        p.setString(i++, String.format(Locale.ROOT, "%064x", n % 500));
        p.setString(i++, "offer-" + n);
        p.setString(i++, (gpu ? g[0].replace("NVIDIA ", "") : type) + " " + place[1] + " #" + n);
        p.setString(i++, WORDS[r.nextInt(WORDS.length)] + " " + type + ", " + WORDS[r.nextInt(10)]);
        p.setString(i++, type);
        p.setString(i++, "USD");
        p.setLong(i++, cents * 10_000_000L);
        p.setLong(i++, 0L);
        p.setString(i++, r.nextInt(100) < 97 ? "public" : "private");
        p.setString(i++, r.nextInt(100) < 85 ? "in_stock" : "out_of_stock");
        p.setString(i++, network ? null : (r.nextBoolean() ? "AMD" : "Intel"));
        setInt(p, i++, network ? null : 1 << r.nextInt(7));
        p.setString(i++, network ? null : "CPU model " + r.nextInt(40));
        p.setString(i++, mem);
        setLong(p, i++, Capacity.toGb(mem));
        p.setString(i++, ssd);
        setLong(p, i++, Capacity.toGb(ssd));
        p.setString(i++, hdd);
        setLong(p, i++, Capacity.toGb(hdd));
        p.setString(i++, r.nextBoolean() ? "1 Gbit/s" : "10 Gbit/s");
        p.setBoolean(i++, r.nextBoolean());
        p.setString(i++, place[0]);
        p.setString(i++, place[1]);
        p.setString(i++, gpu ? g[0] : null);
        setInt(p, i++, gpu ? 1 << r.nextInt(4) : null);
        setInt(p, i++, gpu ? Integer.valueOf(g[1]) : null);
        p.setLong(i++, r.nextInt(4) == 0 ? 720 : 1);
        p.setLong(i++, 8760);
        p.setString(i++, network ? null : OS[r.nextInt(OS.length)]);
        p.setString(i++, "monthly");
        p.setBoolean(i++, r.nextInt(100) < 2);
        setInt(p, i++, r.nextBoolean() ? r.nextInt(101) : null);
        p.setLong(i, 1_700_000_000_000_000_000L + n);
        p.addBatch();
        if (n % 1_000 == 999) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
    // 400 of the 500 providers have reviews: 1 to 200 each, averages spread over 1..5
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO provider_ratings (provider_pubkey, rating_count, rating_sum)"
                + " VALUES (?, ?, ?)")) {
      for (int n = 0; n < 400; n++) {
        long count = 1L + r.nextInt(200);
        p.setString(1, String.format(Locale.ROOT, "%064x", n));
        p.setLong(2, count);
        p.setLong(3, count + (long) (r.nextDouble() * 4 * count));
        p.addBatch();
      }
      p.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    System.out.printf(
        Locale.ROOT,
        "# %s: seeded %d offerings in %.1f s%n",
        db,
        rows,
        (System.nanoTime() - t) / 1e9);
  }

  private static String pick(Random r) {
    int x = r.nextInt(100);
    for (int i = 0; i < TYPES.length; i++) {
      x -= TYPE_WEIGHTS[i];
      if (x < 0) {
        return TYPES[i];
      }
    }
    return TYPES[0];
  }

  private static void setInt(PreparedStatement p, int i, Integer v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setInt(i, v);
    }
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.BIGINT);
    } else {
      p.setLong(i, v);
    }
  }

  private SearchBench() {}
}
