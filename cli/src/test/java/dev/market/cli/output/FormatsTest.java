package dev.market.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.model.Offering;
import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void amounts_are_rounded_for_reading() {
    assertThat(Formats.e9s(116_333_333L, "USD")).isEqualTo("0.12 USD");
    assertThat(Formats.e9s(12_500_000_000L, "USD")).isEqualTo("12.50 USD");
    assertThat(Formats.e9s(999_861_111_112L, null)).isEqualTo("999.86");
    assertThat(Formats.e9s(0L, "USD")).isEqualTo("0.00 USD");
    assertThat(Formats.e9s(-5_005_000_000L, null)).isEqualTo("-5.01");
    // cents would say nothing: two significant digits instead
    assertThat(Formats.e9s(4_166_666L, "USD")).isEqualTo("0.0042 USD");
    assertThat(Formats.e9s(1L, null)).isEqualTo("0.000000001");
  }

  @Test
  void specs_name_a_disk_kind_once_and_put_the_gpu_first() {
    Offering dedicated =
        Offering.builder()
            .processorCores(6)
            .memoryAmount("32 GB")
            .totalSsdCapacity("2 x 480 GB SSD")
            .totalHddCapacity("4 x 8 TB HDD")
            .build();
    assertThat(Formats.specs(dedicated)).isEqualTo("6c, 32 GB, 2 x 480 GB SSD, 4 x 8 TB HDD");
    Offering gpu =
        Offering.builder()
            .processorCores(16)
            .memoryAmount("64 GB")
            .totalSsdCapacity("2 x 1 TB NVMe")
            .gpuName("RTX 4090")
            .gpuCount(2)
            .build();
    assertThat(Formats.specs(gpu)).isEqualTo("2x RTX 4090, 16c, 64 GB, 2 x 1 TB NVMe SSD");
  }
}
