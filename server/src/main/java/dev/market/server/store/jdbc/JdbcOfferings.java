package dev.market.server.store.jdbc;

import static dev.market.server.store.jdbc.NamedSql.boolOrNull;
import static dev.market.server.store.jdbc.NamedSql.intOrNull;
import static dev.market.server.store.jdbc.NamedSql.longOrNull;
import static dev.market.server.store.jdbc.NamedSql.sql;

import dev.market.server.domain.Offering;
import dev.market.server.domain.OfferingRepository;
import dev.market.server.domain.OfferingSearch;
import dev.market.server.domain.ProviderRating;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The offerings table. */
final class JdbcOfferings implements OfferingRepository {
  static final String COLUMNS =
      "id, pubkey, offering_id, offer_name, description, product_type, currency,"
          + " monthly_price_e9s, setup_fee_e9s, visibility, stock_status, processor_brand,"
          + " processor_cores, processor_name, memory_amount, total_ssd_capacity,"
          + " total_hdd_capacity, uplink_speed, unmetered_bandwidth, datacenter_country,"
          + " datacenter_city, gpu_name, gpu_count, gpu_memory_gb, min_contract_hours,"
          + " max_contract_hours, operating_systems, billing_interval, billing_unit,"
          + " is_subscription, is_draft, memory_gb, ssd_gb, hdd_gb, trust_score, created_at_ns, "
          + OfferingSql.RATING_COUNT
          + " AS rating_count, "
          + OfferingSql.RATING_SUM
          + " AS rating_sum";

  private final Connection c;

  JdbcOfferings(Connection c) {
    this.c = c;
  }

  static Offering row(ResultSet rs) throws SQLException {
    Long fee = longOrNull(rs, "setup_fee_e9s");
    return Offering.builder()
        .id(rs.getLong("id"))
        .pubkey(rs.getString("pubkey"))
        .offeringId(rs.getString("offering_id"))
        .offerName(rs.getString("offer_name"))
        .description(rs.getString("description"))
        .productType(rs.getString("product_type"))
        .currency(rs.getString("currency"))
        .monthlyPrice(Offering.fromE9s(rs.getLong("monthly_price_e9s")))
        .setupFee(fee == null ? null : Offering.fromE9s(fee))
        .visibility(rs.getString("visibility"))
        .stockStatus(rs.getString("stock_status"))
        .processorBrand(rs.getString("processor_brand"))
        .processorCores(intOrNull(rs, "processor_cores"))
        .processorName(rs.getString("processor_name"))
        .memoryAmount(rs.getString("memory_amount"))
        .totalSsdCapacity(rs.getString("total_ssd_capacity"))
        .totalHddCapacity(rs.getString("total_hdd_capacity"))
        .uplinkSpeed(rs.getString("uplink_speed"))
        .unmeteredBandwidth(boolOrNull(rs, "unmetered_bandwidth"))
        .datacenterCountry(rs.getString("datacenter_country"))
        .datacenterCity(rs.getString("datacenter_city"))
        .gpuName(rs.getString("gpu_name"))
        .gpuCount(intOrNull(rs, "gpu_count"))
        .gpuMemoryGb(intOrNull(rs, "gpu_memory_gb"))
        .minContractHours(longOrNull(rs, "min_contract_hours"))
        .maxContractHours(longOrNull(rs, "max_contract_hours"))
        .operatingSystems(rs.getString("operating_systems"))
        .billingInterval(rs.getString("billing_interval"))
        .billingUnit(rs.getString("billing_unit"))
        .subscription(boolOrNull(rs, "is_subscription"))
        .draft(rs.getBoolean("is_draft"))
        .memoryGb(longOrNull(rs, "memory_gb"))
        .ssdGb(longOrNull(rs, "ssd_gb"))
        .hddGb(longOrNull(rs, "hdd_gb"))
        .trustScore(intOrNull(rs, "trust_score"))
        .createdAtNs(rs.getLong("created_at_ns"))
        .providerRating(rating(rs))
        .build();
  }

  private static ProviderRating rating(ResultSet rs) throws SQLException {
    Long count = longOrNull(rs, "rating_count");
    return count == null ? null : new ProviderRating(count, rs.getLong("rating_sum"));
  }

  @Override
  public Optional<Offering> byId(long id) {
    return sql("SELECT " + COLUMNS + " FROM " + OfferingSql.FROM + " WHERE id = :id")
        .bind("id", id)
        .one(c, JdbcOfferings::row);
  }

  @Override
  public Optional<ForRent> forRent(long id) {
    return sql("SELECT o.id, o.pubkey, o.offering_id, o.offer_name, o.currency,"
            + " o.monthly_price_e9s, o.min_contract_hours, o.max_contract_hours, o.is_draft,"
            + " s.auto_accept FROM offerings o"
            + " LEFT JOIN provider_settings s ON s.pubkey = o.pubkey WHERE o.id = :id")
        .bind("id", id)
        .one(
            c,
            rs ->
                new ForRent(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    longOrNull(rs, "min_contract_hours"),
                    longOrNull(rs, "max_contract_hours"),
                    rs.getBoolean(9),
                    rs.getBoolean(10))); // no settings row: false, as autoAccept() answers
  }

  @Override
  public List<Offering> search(OfferingSearch search) {
    // the listing is built from a search expression, so its parameters come in order with it
    SqlFragment listing = OfferingSql.listing(COLUMNS, search);
    try (PreparedStatement ps = c.prepareStatement(listing.sql())) {
      NamedSql.bind(ps, listing.params());
      try (ResultSet rs = ps.executeQuery()) {
        List<Offering> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw JdbcStore.wrap(e);
    }
  }

  @Override
  public List<Offering> ofProvider(String pubkey) {
    return sql("SELECT "
            + COLUMNS
            + " FROM "
            + OfferingSql.FROM
            + " WHERE pubkey = :pubkey ORDER BY "
            + OfferingSql.ORDER_BY)
        .bind("pubkey", pubkey)
        .list(c, JdbcOfferings::row);
  }

  @Override
  public Optional<Long> insert(Offering o) {
    NamedSql q =
        sql(
            "INSERT INTO offerings (pubkey, offering_id, offer_name, description,"
                + " product_type, currency, monthly_price_e9s, setup_fee_e9s, visibility,"
                + " stock_status, processor_brand, processor_cores, processor_name, memory_amount,"
                + " memory_gb, total_ssd_capacity, ssd_gb, total_hdd_capacity, hdd_gb, uplink_speed,"
                + " unmetered_bandwidth, datacenter_country, datacenter_city, gpu_name, gpu_count,"
                + " gpu_memory_gb, min_contract_hours, max_contract_hours, operating_systems,"
                + " billing_interval, billing_unit, is_subscription, is_draft, trust_score,"
                + " created_at_ns)"
                + " VALUES (:pubkey, :offering_id, :offer_name, :description,"
                + " :product_type, :currency, :monthly_price_e9s, :setup_fee_e9s, :visibility,"
                + " :stock_status, :processor_brand, :processor_cores, :processor_name, :memory_amount,"
                + " :memory_gb, :total_ssd_capacity, :ssd_gb, :total_hdd_capacity, :hdd_gb,"
                + " :uplink_speed, :unmetered_bandwidth, :datacenter_country, :datacenter_city,"
                + " :gpu_name, :gpu_count, :gpu_memory_gb, :min_contract_hours, :max_contract_hours,"
                + " :operating_systems, :billing_interval, :billing_unit, :is_subscription, :is_draft,"
                + " :trust_score, :created_at_ns)"
                + " ON CONFLICT (pubkey, offering_id) DO NOTHING RETURNING id");
    return fields(q, o)
        .bind("pubkey", o.pubkey())
        .bind("trust_score", o.trustScore())
        .bind("created_at_ns", o.createdAtNs())
        .one(c, rs -> rs.getLong(1));
  }

  @Override
  public void update(Offering o) {
    NamedSql q =
        sql(
            "UPDATE offerings SET "
                + "offering_id = :offering_id, offer_name = :offer_name,"
                + " description = :description, product_type = :product_type,"
                + " currency = :currency, monthly_price_e9s = :monthly_price_e9s,"
                + " setup_fee_e9s = :setup_fee_e9s, visibility = :visibility,"
                + " stock_status = :stock_status, processor_brand = :processor_brand,"
                + " processor_cores = :processor_cores, processor_name = :processor_name,"
                + " memory_amount = :memory_amount, memory_gb = :memory_gb,"
                + " total_ssd_capacity = :total_ssd_capacity, ssd_gb = :ssd_gb,"
                + " total_hdd_capacity = :total_hdd_capacity, hdd_gb = :hdd_gb,"
                + " uplink_speed = :uplink_speed,"
                + " unmetered_bandwidth = :unmetered_bandwidth,"
                + " datacenter_country = :datacenter_country,"
                + " datacenter_city = :datacenter_city, gpu_name = :gpu_name,"
                + " gpu_count = :gpu_count, gpu_memory_gb = :gpu_memory_gb,"
                + " min_contract_hours = :min_contract_hours,"
                + " max_contract_hours = :max_contract_hours,"
                + " operating_systems = :operating_systems,"
                + " billing_interval = :billing_interval, billing_unit = :billing_unit,"
                + " is_subscription = :is_subscription, is_draft = :is_draft"
                + " WHERE id = :id");
    fields(q, o).bind("id", o.id()).update(c);
  }

  /** The columns a provider sets: the same for publishing an offering and for replacing it. */
  private static NamedSql fields(NamedSql q, Offering o) {
    return q.bind("offering_id", o.offeringId())
        .bind("offer_name", o.offerName())
        .bind("description", o.description())
        .bind("product_type", o.productType())
        .bind("currency", o.currency())
        .bind("monthly_price_e9s", o.monthlyPriceE9s())
        .bind("setup_fee_e9s", o.setupFeeE9s())
        .bind("visibility", o.visibility())
        .bind("stock_status", o.stockStatus())
        .bind("processor_brand", o.processorBrand())
        .bind("processor_cores", o.processorCores())
        .bind("processor_name", o.processorName())
        .bind("memory_amount", o.memoryAmount())
        .bind("memory_gb", o.memoryGb())
        .bind("total_ssd_capacity", o.totalSsdCapacity())
        .bind("ssd_gb", o.ssdGb())
        .bind("total_hdd_capacity", o.totalHddCapacity())
        .bind("hdd_gb", o.hddGb())
        .bind("uplink_speed", o.uplinkSpeed())
        .bind("unmetered_bandwidth", o.unmeteredBandwidth())
        .bind("datacenter_country", o.datacenterCountry())
        .bind("datacenter_city", o.datacenterCity())
        .bind("gpu_name", o.gpuName())
        .bind("gpu_count", o.gpuCount())
        .bind("gpu_memory_gb", o.gpuMemoryGb())
        .bind("min_contract_hours", o.minContractHours())
        .bind("max_contract_hours", o.maxContractHours())
        .bind("operating_systems", o.operatingSystems())
        .bind("billing_interval", o.billingInterval())
        .bind("billing_unit", o.billingUnit())
        .bind("is_subscription", o.subscription())
        .bind("is_draft", o.draft());
  }

  @Override
  public void delete(long id) {
    sql("DELETE FROM offerings WHERE id = :id").bind("id", id).update(c);
  }

  @Override
  public List<String> contractStatuses(long id) {
    return sql("SELECT status FROM contracts WHERE offering_db_id = :id")
        .bind("id", id)
        .list(c, rs -> rs.getString(1));
  }

  @Override
  public long count() {
    return sql("SELECT COUNT(*) FROM offerings").one(c, rs -> rs.getLong(1)).orElse(0L);
  }
}
