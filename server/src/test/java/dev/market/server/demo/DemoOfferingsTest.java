package dev.market.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Bip39;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Offering;
import dev.market.server.domain.search.Capacity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoOfferingsTest {

  private final List<Offering> demo = DemoOfferings.load();

  private static <K> Map<K, Long> countBy(List<Offering> list, Function<Offering, K> key) {
    return list.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  @Test
  void the_provider_seed_phrase_is_a_valid_12_word_bip39_phrase_of_its_own() {
    Bip39.validate(DemoOfferings.PROVIDER_MNEMONIC);
    assertThat(DemoOfferings.PROVIDER_MNEMONIC.split(" ")).hasSize(12);
    String pubkey = Identity.fromMnemonic(DemoOfferings.PROVIDER_MNEMONIC).publicKeyHex();
    assertThat(pubkey)
        .matches("[0-9a-f]{64}")
        // not the protocol's worked example, which every test suite already uses
        .isNotEqualTo("e96b1c6b8769fdb0b34fbecfdf85c33b053cecad9517e1ab88cba614335775c1");
  }

  @Test
  void forty_offerings_load_with_unique_provider_ids_and_no_server_fields() {
    assertThat(demo).hasSize(40);
    assertThat(demo.stream().map(Offering::offeringId).collect(Collectors.toSet())).hasSize(40);
    assertThat(demo).allSatisfy(o -> assertThat(o.offeringId()).matches("[a-z0-9-]{3,64}"));
    assertThat(demo).allSatisfy(o -> assertThat(o.id()).isNull());
    assertThat(demo).allSatisfy(o -> assertThat(o.pubkey()).isNull());
  }

  @Test
  void every_product_type_is_represented() {
    assertThat(countBy(demo, Offering::productType))
        .containsOnlyKeys("compute", "gpu", "storage", "dedicated", "network")
        .allSatisfy((type, n) -> assertThat(n).as(type).isGreaterThanOrEqualTo(5));
  }

  @Test
  void offerings_spread_over_eight_countries_and_many_cities() {
    assertThat(countBy(demo, Offering::datacenterCountry).keySet())
        .containsExactlyInAnyOrder("DE", "US", "FI", "NL", "SG", "CA", "FR", "JP");
    assertThat(demo.stream().map(Offering::datacenterCity).distinct().count())
        .isGreaterThanOrEqualTo(15);
  }

  @Test
  void prices_run_from_about_3_to_about_2500_a_month_in_usd() {
    List<BigDecimal> prices = demo.stream().map(Offering::monthlyPrice).sorted().toList();
    assertThat(prices.get(0)).isBetween(new BigDecimal("2"), new BigDecimal("4"));
    assertThat(prices.get(prices.size() - 1))
        .isBetween(new BigDecimal("2000"), new BigDecimal("2600"));
    assertThat(demo)
        .allSatisfy(
            o -> {
              assertThat(o.currency()).isEqualTo("USD");
              assertThat(o.monthlyPrice()).isPositive();
              assertThat(o.monthlyPrice().stripTrailingZeros().scale()).isLessThanOrEqualTo(9);
              assertThat(o.setupFee()).isNotNull().isGreaterThanOrEqualTo(BigDecimal.ZERO);
            });
  }

  @Test
  void all_are_public_published_and_mostly_in_stock() {
    assertThat(demo).allSatisfy(o -> assertThat(o.visibility()).isEqualTo("public"));
    assertThat(demo).allSatisfy(o -> assertThat(o.isDraft()).isFalse());
    Map<String, Long> stock = countBy(demo, Offering::stockStatus);
    assertThat(stock).containsOnlyKeys("in_stock", "out_of_stock");
    assertThat(stock.get("out_of_stock")).isBetween(3L, 8L);
  }

  @Test
  void contract_hours_are_sane_and_within_a_year() {
    assertThat(demo)
        .allSatisfy(
            o -> {
              assertThat(o.minContractHours()).isBetween(1L, 720L);
              assertThat(o.maxContractHours()).isBetween(o.minContractHours(), 8760L);
            });
  }

  @Test
  void machines_have_cpus_memory_and_disks_the_search_can_read() {
    List<Offering> machines =
        demo.stream().filter(o -> !o.productType().equals("network")).toList();
    assertThat(machines)
        .allSatisfy(
            o -> {
              assertThat(o.processorCores()).isBetween(1, 128);
              assertThat(o.processorName()).isNotBlank();
              assertThat(Capacity.toGb(o.memoryAmount())).as(o.memoryAmount()).isPositive();
              assertThat(o.totalSsdCapacity() != null || o.totalHddCapacity() != null).isTrue();
              if (o.totalSsdCapacity() != null) {
                assertThat(Capacity.toGb(o.totalSsdCapacity())).isPositive();
              }
              if (o.totalHddCapacity() != null) {
                assertThat(Capacity.toGb(o.totalHddCapacity())).isPositive();
              }
              assertThat(o.operatingSystems()).isNotBlank();
            });
  }

  @Test
  void gpu_offerings_name_real_gpus_and_only_they_have_gpus() {
    List<Offering> gpus = demo.stream().filter(o -> o.productType().equals("gpu")).toList();
    assertThat(gpus)
        .allSatisfy(
            o -> {
              assertThat(o.gpuName()).startsWith("NVIDIA ");
              assertThat(o.gpuCount()).isBetween(1, 8);
              assertThat(o.gpuMemoryGb()).isIn(16, 24, 48, 80);
            });
    Set<String> names = gpus.stream().map(Offering::gpuName).collect(Collectors.toSet());
    assertThat(names).contains("NVIDIA GeForce RTX 4090", "NVIDIA A100 80GB", "NVIDIA H100 80GB");
    assertThat(demo.stream().filter(o -> !o.productType().equals("gpu")))
        .allSatisfy(o -> assertThat(o.gpuName()).isNull());
  }

  @Test
  void texts_fit_the_limits_a_provider_would_be_held_to() {
    assertThat(demo)
        .allSatisfy(
            o -> {
              assertThat(o.offerName()).isNotBlank().hasSizeLessThanOrEqualTo(100);
              assertThat(o.description()).isNotBlank().hasSizeLessThanOrEqualTo(500);
              assertThat(o.datacenterCountry()).matches("[A-Z]{2}");
              assertThat(o.billingInterval()).isEqualTo("monthly");
            });
  }

  @Test
  void load_returns_a_fresh_equal_list_every_time() {
    assertThat(DemoOfferings.load()).isEqualTo(demo).isNotSameAs(demo);
  }

  /** The domain's own reader must read the resource exactly as the shared Jackson mapper does. */
  @Test
  void the_resource_reads_the_same_with_the_shared_json_mapper() throws Exception {
    try (var in = DemoOfferings.class.getResourceAsStream("demo-offerings.json")) {
      List<Offering> viaJackson =
          dev.market.protocol.json.Json.mapper()
              .readValue(
                  in, new com.fasterxml.jackson.core.type.TypeReference<List<Offering>>() {});
      assertThat(demo).isEqualTo(viaJackson);
    }
  }
}
