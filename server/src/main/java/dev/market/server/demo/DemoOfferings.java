package dev.market.server.demo;

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
    return Offering.builder()
        .offeringId((String) o.get("offering_id"))
        .offerName((String) o.get("offer_name"))
        .description((String) o.get("description"))
        .productType((String) o.get("product_type"))
        .currency((String) o.get("currency"))
        .monthlyPrice((BigDecimal) o.get("monthly_price"))
        .setupFee((BigDecimal) o.get("setup_fee"))
        .visibility((String) o.get("visibility"))
        .stockStatus((String) o.get("stock_status"))
        .processorBrand((String) o.get("processor_brand"))
        .processorCores(integer(o.get("processor_cores")))
        .processorName((String) o.get("processor_name"))
        .memoryAmount((String) o.get("memory_amount"))
        .totalSsdCapacity((String) o.get("total_ssd_capacity"))
        .totalHddCapacity((String) o.get("total_hdd_capacity"))
        .uplinkSpeed((String) o.get("uplink_speed"))
        .unmeteredBandwidth((Boolean) o.get("unmetered_bandwidth"))
        .datacenterCountry((String) o.get("datacenter_country"))
        .datacenterCity((String) o.get("datacenter_city"))
        .gpuName((String) o.get("gpu_name"))
        .gpuCount(integer(o.get("gpu_count")))
        .gpuMemoryGb(integer(o.get("gpu_memory_gb")))
        .minContractHours(whole(o.get("min_contract_hours")))
        .maxContractHours(whole(o.get("max_contract_hours")))
        .operatingSystems((String) o.get("operating_systems"))
        .billingInterval((String) o.get("billing_interval"))
        .isDraft((Boolean) o.get("is_draft"))
        .build();
  }

  private static Integer integer(Object v) {
    return v == null ? null : ((BigDecimal) v).intValueExact();
  }

  private static Long whole(Object v) {
    return v == null ? null : ((BigDecimal) v).longValueExact();
  }
}
