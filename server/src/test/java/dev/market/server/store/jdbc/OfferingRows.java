package dev.market.server.store.jdbc;

import dev.market.server.domain.search.Capacity;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * 24 known offerings for the search tests, inserted with fixed ids into a database migrated by the
 * real migrations. Listing order by price, then id: 21, 1, 12, 18, 16, 2, 13, 17, 3, 4, 19, 20, 24,
 * 5, 14, 6, 15, 11, 23, 7, 8, 9, 22, 10.
 */
final class OfferingRows {

  record Row(
      long id,
      String name,
      String desc,
      String type,
      String stock,
      String price,
      String currency,
      Integer cores,
      String memory,
      String ssd,
      String hdd,
      String country,
      String city,
      String gpu,
      Integer gpuCount,
      Integer gpuMemory,
      long minHours,
      long maxHours,
      String os,
      Integer trust) {}

  private static final String IS = "in_stock";
  private static final String OUT = "out_of_stock";
  private static final String U22 = "Ubuntu 22.04";

  static final List<Row> ROWS =
      List.of(
          new Row(
              1,
              "Nano VPS",
              "Tiny 100% SSD box",
              "compute",
              IS,
              "3.50",
              "USD",
              1,
              "1 GB",
              "25 GB",
              null,
              "DE",
              "Falkenstein",
              null,
              null,
              null,
              1,
              8760,
              "Ubuntu 22.04, Debian 12",
              80),
          new Row(
              2,
              "Standard VPS",
              "Good for web_apps",
              "compute",
              IS,
              "12.00",
              "USD",
              4,
              "8 GB",
              "160 GB",
              null,
              "US",
              "New York",
              null,
              null,
              null,
              1,
              8760,
              U22,
              90),
          new Row(
              3,
              "Big VPS",
              "8 vCPU",
              "compute",
              IS,
              "49.99",
              "USD",
              8,
              "32 GB",
              "640 GB",
              null,
              "FI",
              "Helsinki",
              null,
              null,
              null,
              24,
              8760,
              "Debian 12",
              null),
          new Row(
              4,
              "Edge 50",
              null,
              "compute",
              "limited",
              "50.00",
              "USD",
              8,
              "32 GB",
              "1 TB",
              null,
              "NL",
              "Amsterdam",
              null,
              null,
              null,
              1,
              8760,
              null,
              70),
          new Row(
              5,
              "Asia Compute",
              "Low latency",
              "compute",
              OUT,
              "80",
              "USD",
              16,
              "64 GB",
              "2 x 1 TB",
              null,
              "SG",
              "Singapore",
              null,
              null,
              null,
              1,
              8760,
              "Rocky Linux 9",
              60),
          new Row(
              6,
              "RTX 4090 Box",
              "Gaming GPU for AI",
              "gpu",
              IS,
              "120.00",
              "USD",
              8,
              "32 GB",
              "1 TB",
              null,
              "US",
              "Dallas",
              "NVIDIA RTX 4090",
              1,
              24,
              24,
              720,
              U22,
              85),
          new Row(
              7,
              "A100 Single",
              "Datacenter accelerator",
              "gpu",
              IS,
              "499.99",
              "USD",
              32,
              "256 GB",
              "2 TB",
              null,
              "US",
              "Ashburn",
              "NVIDIA A100 80GB",
              1,
              80,
              24,
              2160,
              U22,
              95),
          new Row(
              8,
              "L40S Duo",
              "Two cards",
              "gpu",
              IS,
              "500.00",
              "USD",
              16,
              "128 GB",
              "2 TB",
              null,
              "DE",
              "Frankfurt",
              "NVIDIA L40S",
              2,
              48,
              1,
              8760,
              "Ubuntu 22.04, Debian 12",
              75),
          new Row(
              9,
              "A6000 Pro",
              "Workstation card",
              "gpu",
              IS,
              "500.000000001",
              "USD",
              16,
              "64 GB",
              "2 TB",
              null,
              "CA",
              "Montreal",
              "NVIDIA RTX A6000",
              1,
              48,
              1,
              8760,
              "Windows Server 2022",
              70),
          new Row(
              10,
              "H100 x8 Pod",
              "Eight H100 SXM",
              "gpu",
              IS,
              "2500.00",
              "USD",
              64,
              "1 TB",
              "8 TB",
              null,
              "JP",
              "Tokyo",
              "NVIDIA H100",
              8,
              80,
              168,
              8760,
              U22,
              99),
          new Row(
              11,
              "Budget 4090",
              "Consumer card",
              "gpu",
              OUT,
              "300",
              "USD",
              4,
              "16 GB",
              "1 TB",
              null,
              "FR",
              "Paris",
              "RTX 4090",
              1,
              24,
              1,
              8760,
              "Ubuntu 24.04",
              null),
          new Row(
              12,
              "Storage Box 4T",
              "Backup space",
              "storage",
              IS,
              "5.00",
              "USD",
              1,
              "2 GB",
              null,
              "4 TB",
              "DE",
              "Nuremberg",
              null,
              null,
              null,
              1,
              8760,
              null,
              null),
          new Row(
              13,
              "Storage XL",
              "Bulk disks",
              "storage",
              IS,
              "25.00",
              "USD",
              2,
              "4 GB",
              "500 GB",
              "2 x 8 TB",
              "US",
              "Chicago",
              null,
              null,
              null,
              1,
              8760,
              "Debian 12",
              null),
          new Row(
              14,
              "AX52 Dedicated",
              "Bare metal",
              "dedicated",
              IS,
              "89.00",
              "USD",
              12,
              "64 GB",
              "2 x 512 GB",
              null,
              "FI",
              "Helsinki",
              null,
              null,
              null,
              1,
              8760,
              "Ubuntu, Rocky Linux",
              null),
          new Row(
              15,
              "Big Metal",
              "Lots of NVMe",
              "dedicated",
              OUT,
              "199.00",
              "USD",
              24,
              "128 GB",
              "2 x 1.92 TB",
              null,
              "NL",
              "Amsterdam",
              null,
              null,
              null,
              720,
              8760,
              "Debian 12",
              null),
          new Row(
              16,
              "Floating IP",
              "Movable address",
              "network",
              IS,
              "9.00",
              "USD",
              null,
              null,
              null,
              null,
              "DE",
              "Berlin",
              null,
              null,
              null,
              1,
              8760,
              null,
              null),
          new Row(
              17,
              "DDoS Protection",
              "10 Gbit/s filtering",
              "network",
              "pre_order",
              "30.00",
              "USD",
              null,
              null,
              null,
              null,
              "US",
              "Seattle",
              null,
              null,
              null,
              1,
              8760,
              null,
              null),
          new Row(
              18,
              "Euro VPS",
              "Priced in euro",
              "compute",
              IS,
              "7.25",
              "EUR",
              2,
              "4 GB",
              "80 GB",
              null,
              "CA",
              "Toronto",
              null,
              null,
              null,
              1,
              8760,
              "Ubuntu 24.04",
              null),
          new Row(
              19,
              "Mixed Case VPS",
              "Type spelled differently",
              "Compute",
              IS,
              "60.00",
              "USD",
              8,
              "16 GB",
              "200 GB",
              null,
              "US",
              "Denver",
              null,
              null,
              null,
              1,
              8760,
              "Debian 12",
              65),
          new Row(
              20,
              "Special_50%_Off",
              "Percent sign and underscore",
              "gpu",
              IS,
              "60.00",
              "USD",
              8,
              "32 GB",
              "1 TB",
              null,
              "SG",
              "Singapore",
              "RTX 4090",
              1,
              24,
              1,
              8760,
              U22,
              null),
          new Row(
              21,
              "Micro 512",
              "Smallest box",
              "compute",
              IS,
              "0.99",
              "USD",
              1,
              "512 MB",
              "10 GB",
              null,
              "US",
              "Los Angeles",
              null,
              null,
              null,
              1,
              720,
              "Alpine",
              null),
          new Row(
              22,
              "Archive Rack",
              "Cold storage",
              "storage",
              IS,
              "1200.00",
              "USD",
              4,
              "32 GB",
              "2 x 1 TB",
              "12 x 16 TB",
              "DE",
              "Frankfurt",
              null,
              null,
              null,
              1,
              8760,
              "Debian 12",
              null),
          new Row(
              23,
              "Osaka Metal",
              "Dedicated in Kansai",
              "dedicated",
              IS,
              "350.00",
              "USD",
              32,
              "256 GB",
              "4 x 3.84 TB",
              null,
              "JP",
              "Osaka",
              null,
              null,
              null,
              720,
              8760,
              "Rocky Linux 9",
              null),
          new Row(
              24,
              "A4000 Starter",
              "Entry workstation",
              "gpu",
              IS,
              "75.00",
              "USD",
              12,
              "48 GB",
              "500 GB",
              null,
              "FI",
              "Helsinki",
              "NVIDIA RTX A4000",
              1,
              16,
              1,
              8760,
              "Windows Server 2022, Ubuntu 22.04",
              50));

  /** Every id in listing order. */
  static final List<Long> ALL =
      List.of(
          21L, 1L, 12L, 18L, 16L, 2L, 13L, 17L, 3L, 4L, 19L, 20L, 24L, 5L, 14L, 6L, 15L, 11L, 23L,
          7L, 8L, 9L, 22L, 10L);

  /** The provider of rows 1, 2, 3, 6 and 7; every other row is {@link #UNRATED}'s. */
  static final String UNRATED = "aa".repeat(32);

  /**
   * Review totals (count, sum) by provider: b1 (rows 1, 2) 14/3 = 4.67, b2 (row 3) 8/2 = 4, b3 (row
   * 6) 2/1 = 2, b4 (row 7) 16/4 = 4; nobody else has reviews. Best rated first: 1, 2, 7, 3, 6, then
   * the rest by price.
   */
  static final Map<Long, String> PROVIDER_OF =
      Map.of(1L, "b1", 2L, "b1", 3L, "b2", 6L, "b3", 7L, "b4");

  static final Map<String, long[]> RATINGS =
      Map.of(
          "b1",
          new long[] {3, 14},
          "b2",
          new long[] {2, 8},
          "b3",
          new long[] {1, 2},
          "b4",
          new long[] {4, 16});

  static String pubkey(long id) {
    String p = PROVIDER_OF.get(id);
    return p == null ? UNRATED : p.repeat(32);
  }

  private OfferingRows() {}

  static void insertAll(Connection c) throws SQLException {
    String sql =
        "INSERT INTO offerings (id, pubkey, offering_id, offer_name, description, product_type,"
            + " currency, monthly_price_e9s, visibility, stock_status, processor_cores,"
            + " memory_amount, memory_gb, total_ssd_capacity, ssd_gb, total_hdd_capacity, hdd_gb,"
            + " datacenter_country, datacenter_city, gpu_name, gpu_count, gpu_memory_gb,"
            + " min_contract_hours, max_contract_hours, operating_systems, is_draft, trust_score,"
            + " created_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (Row r : ROWS) {
        int i = 1;
        p.setLong(i++, r.id());
        p.setString(i++, pubkey(r.id()));
        p.setString(i++, "offer-" + r.id());
        p.setString(i++, r.name());
        p.setString(i++, r.desc());
        p.setString(i++, r.type());
        p.setString(i++, r.currency());
        p.setLong(i++, new BigDecimal(r.price()).movePointRight(9).longValueExact());
        p.setString(i++, "public");
        p.setString(i++, r.stock());
        setInt(p, i++, r.cores());
        p.setString(i++, r.memory());
        setLong(p, i++, Capacity.toGb(r.memory()));
        p.setString(i++, r.ssd());
        setLong(p, i++, Capacity.toGb(r.ssd()));
        p.setString(i++, r.hdd());
        setLong(p, i++, Capacity.toGb(r.hdd()));
        p.setString(i++, r.country());
        p.setString(i++, r.city());
        p.setString(i++, r.gpu());
        setInt(p, i++, r.gpuCount());
        setInt(p, i++, r.gpuMemory());
        p.setLong(i++, r.minHours());
        p.setLong(i++, r.maxHours());
        p.setString(i++, r.os());
        p.setBoolean(i++, false);
        setInt(p, i++, r.trust());
        p.setLong(i++, 1_700_000_000_000_000_000L + r.id());
        p.executeUpdate();
      }
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO provider_ratings (provider_pubkey, rating_count, rating_sum)"
                + " VALUES (?, ?, ?)")) {
      for (Map.Entry<String, long[]> e : RATINGS.entrySet()) {
        p.setString(1, e.getKey().repeat(32));
        p.setLong(2, e.getValue()[0]);
        p.setLong(3, e.getValue()[1]);
        p.executeUpdate();
      }
    }
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
}
