package dev.market.server.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CapacityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "16 GB|16",
        "512GB|512",
        "1 TB|1024",
        "2 x 1 TB|2048",
        "2x 960 GB NVMe|1920",
        "4 × 8TB|32768",
        "1.92 TB|1966",
        "1,5 TB|1536",
        "64GB DDR5 ECC|64",
        "2048 MB|2",
        "512 MB|0",
        "32|32",
        "2 x 1 TB + 500 GB|2548",
        "16 gib|16",
        "1 PB|1048576",
      })
  void provider_sizes_become_whole_gb(String text, long gb) {
    assertThat(Capacity.toGb(text)).isEqualTo(gb);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  ", "plenty", "GB", "unlimited", "TB of storage"})
  void text_without_a_size_gives_null(String text) {
    assertThat(Capacity.toGb(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999 PB", "999999 x 999999999999999 TB"})
  void sizes_beyond_a_bigint_give_null_instead_of_overflowing(String text) {
    assertThat(Capacity.toGb(text)).isNull();
  }

  /** ssd:>=1TB must match an offering that says "1 TB": both sides convert the same way. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {"1 TB|1TB", "512 GB|512GB", "2048 MB|2048MB", "1 PB|1PB", "32|32"})
  void stored_sizes_and_search_values_use_the_same_units(String stored, String searched) {
    assertThat(new java.math.BigDecimal(Capacity.toGb(stored)))
        .isEqualByComparingTo(Capacity.searchValueToGb(searched));
  }
}
