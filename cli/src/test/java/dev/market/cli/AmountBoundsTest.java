package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.output.Formats;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, finding 3 on the CLI side: no amount, typed or answered, costs more than a moment. */
class AmountBoundsTest {
  @TempDir Path dir;

  @Test
  @Timeout(10)
  void an_amount_with_a_huge_exponent_is_a_usage_error_that_does_not_expand_it() {
    Result r = new CliRunner(dir).run("offerings", "list", "--max-price", "1e-999999999");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--max-price").contains("plain amount");
    assertThat(r.err().length()).isLessThan(500);
  }

  @Test
  @Timeout(2)
  void a_garbage_price_from_the_server_is_shown_as_unknown_at_once() {
    BigDecimal garbage = new BigDecimal("1e-999999999");
    assertThat(Formats.money(garbage, "USD", 2)).isEqualTo("?");
    assertThat(Formats.money(new BigDecimal("9e999999999"), "USD", 2)).isEqualTo("?");
    assertThat(Formats.money(new BigDecimal("12.5"), "USD", 2)).isEqualTo("12.50 USD");
  }
}
