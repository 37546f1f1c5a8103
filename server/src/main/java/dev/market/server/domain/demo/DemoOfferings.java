package dev.market.server.domain.demo;

import dev.market.protocol.model.Offering;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offerings {@code market-server --demo} publishes into an empty database, from {@code
 * demo-offerings.json} beside this class: 40 offerings across compute, gpu, storage, dedicated and
 * network in eight countries. They carry no {@code id} and no {@code pubkey}: the server assigns
 * ids and publishes them as the demo provider of {@link #PROVIDER_MNEMONIC}.
 */
public final class DemoOfferings {

  /**
   * The demo provider's seed phrase. It is published in the README on purpose, so that anyone can
   * act as the demo provider (accept rentals, report provisioning) while trying the marketplace
   * locally. Never use it for anything of value.
   */
  public static final String PROVIDER_MNEMONIC =
      "kiwi bird inspire brain field weird law across about student short price";

  private static final String RESOURCE = "demo-offerings.json";

  /**
   * The snake_case keys of docs/protocol.md section 5 that demo data may use (not id, not pubkey).
   */
  private static final Set<String> KEYS =
      Set.of(
          "offering_id",
          "offer_name",
          "description",
          "product_type",
          "currency",
          "monthly_price",
          "setup_fee",
          "visibility",
          "stock_status",
          "processor_brand",
          "processor_cores",
          "processor_name",
          "memory_amount",
          "total_ssd_capacity",
          "total_hdd_capacity",
          "uplink_speed",
          "unmetered_bandwidth",
          "datacenter_country",
          "datacenter_city",
          "gpu_name",
          "gpu_count",
          "gpu_memory_gb",
          "min_contract_hours",
          "max_contract_hours",
          "operating_systems",
          "billing_interval",
          "is_draft");

  private DemoOfferings() {}

  /** The demo offerings, in a fixed order; a new list on every call. */
  public static List<Offering> load() {
    String json;
    try (InputStream in = DemoOfferings.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the server jar");
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    List<Offering> out = new ArrayList<>();
    for (Object item : (List<?>) DemoJson.parse(json)) {
      out.add(offering((Map<?, ?>) item));
    }
    return List.copyOf(out);
  }

  private static Offering offering(Map<?, ?> raw) {
    Map<String, Object> o = new HashMap<>();
    raw.forEach((k, v) -> o.put((String) k, v));
    for (String key : o.keySet()) {
      if (!KEYS.contains(key)) {
        // a typo in demo data would otherwise silently drop a field
        throw new IllegalStateException(RESOURCE + ": unknown key " + key);
      }
    }
    return new Offering(
        null,
        null,
        (String) o.get("offering_id"),
        (String) o.get("offer_name"),
        (String) o.get("description"),
        (String) o.get("product_type"),
        (String) o.get("currency"),
        (BigDecimal) o.get("monthly_price"),
        (BigDecimal) o.get("setup_fee"),
        (String) o.get("visibility"),
        (String) o.get("stock_status"),
        (String) o.get("processor_brand"),
        integer(o.get("processor_cores")),
        (String) o.get("processor_name"),
        (String) o.get("memory_amount"),
        (String) o.get("total_ssd_capacity"),
        (String) o.get("total_hdd_capacity"),
        (String) o.get("uplink_speed"),
        (Boolean) o.get("unmetered_bandwidth"),
        (String) o.get("datacenter_country"),
        (String) o.get("datacenter_city"),
        (String) o.get("gpu_name"),
        integer(o.get("gpu_count")),
        integer(o.get("gpu_memory_gb")),
        whole(o.get("min_contract_hours")),
        whole(o.get("max_contract_hours")),
        (String) o.get("operating_systems"),
        (String) o.get("billing_interval"),
        (Boolean) o.get("is_draft"));
  }

  private static Integer integer(Object v) {
    return v == null ? null : ((BigDecimal) v).intValueExact();
  }

  private static Long whole(Object v) {
    return v == null ? null : ((BigDecimal) v).longValueExact();
  }
}
