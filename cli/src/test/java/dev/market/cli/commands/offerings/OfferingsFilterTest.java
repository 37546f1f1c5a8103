package dev.market.cli.commands.offerings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filters that can never match are usage errors that say what is valid, not an empty list with exit
 * 0; a query that does not parse is exit 2, not 3 (the marketplace refused nothing).
 */
class OfferingsFilterTest {
  static final String HINT = "hint: market offerings list --help   (the query language)\n";

  @TempDir Path dir;
  MarketFixture market;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    market = new MarketFixture(dir);
    market.offering("f-1", "Filter VPS", "5");
    cli = market.cli("renter");
  }

  @AfterEach
  void tearDown() {
    market.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--type|gpus|product_type: 'gpus' is not a product type (one of compute, dedicated, gpu,"
            + " network, storage)",
        "--country|Germany|country: 'Germany' is not a country code (two letters, ISO 3166-1"
            + " alpha-2, e.g. DE or US)",
        "-q|stock:instock|q: 'instock' is not a stock status for 'stock' at column 7 (one of"
            + " in_stock, out_of_stock)",
        "-q|type:gpu && price:<500|q: '&&' is not an operator here at column 10: terms separated"
            + " by spaces must all match (AND is implied); for one of several values use a"
            + " field's list, e.g. type:(gpu OR compute)",
        "-q|type:gpu AND|q: 'AND' needs a term after it at column 10",
        "-q|price:<cheap|q: expected a number for 'price' at column 8, got 'cheap'",
      })
  void a_filter_that_can_never_match_exits_2_saying_what_is_valid(
      String flag, String value, String reason) {
    Result r = cli.run("offerings", "list", flag, value);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: list offerings: " + reason + "\n" + HINT);
  }

  @Test
  void valid_filters_that_match_nothing_still_exit_0() {
    Result none = cli.run("offerings", "list", "--type", "GPU", "--country", "jp");
    assertThat(none.exitCode()).as(none.toString()).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).isEqualTo("no offerings match --type GPU --country jp\n");
  }

  @Test
  void the_help_documents_the_query_language() {
    String help = cli.run("offerings", "list", "--help").out();

    assertThat(help)
        .contains("Query language (-q; all of it in docs/search.md):")
        .contains("stock (in_stock, out_of_stock), country (two letters)")
        .contains("field:[A TO B]");
  }
}
