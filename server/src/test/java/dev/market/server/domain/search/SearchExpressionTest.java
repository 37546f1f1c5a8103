package dev.market.server.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.server.domain.DomainException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchExpressionTest {

  private static List<Term> parse(String s) {
    return SearchExpression.parse(s).terms();
  }

  private static BigDecimal n(String s) {
    return new BigDecimal(s);
  }

  @Test
  void the_protocol_example_parses_into_four_terms() {
    assertThat(parse("type:(gpu OR compute) price:[50 TO 500] cores:>=8 !stock:out_of_stock"))
        .containsExactly(
            new Term.TextMatch(SearchField.TYPE, List.of("gpu", "compute"), false),
            new Term.Range(SearchField.PRICE, n("50"), n("500"), false),
            new Term.Comparison(SearchField.CORES, Term.Op.GE, n("8"), false),
            new Term.TextMatch(SearchField.STOCK, List.of("out_of_stock"), true));
  }

  @Test
  void every_comparison_operator_is_recognised() {
    assertThat(parse("price:>1.5 price:<9 cores:<=4 trust:>=70"))
        .containsExactly(
            new Term.Comparison(SearchField.PRICE, Term.Op.GT, n("1.5"), false),
            new Term.Comparison(SearchField.PRICE, Term.Op.LT, n("9"), false),
            new Term.Comparison(SearchField.CORES, Term.Op.LE, n("4"), false),
            new Term.Comparison(SearchField.TRUST, Term.Op.GE, n("70"), false));
  }

  @Test
  void quoted_values_keep_spaces_and_escaped_quotes() {
    assertThat(parse("name:\"two words\" -desc:\"say \\\"hi\\\"\""))
        .containsExactly(
            new Term.TextMatch(SearchField.NAME, List.of("two words"), false),
            new Term.TextMatch(SearchField.DESC, List.of("say \"hi\""), true));
  }

  @Test
  void field_names_are_case_insensitive_and_values_kept_as_typed() {
    assertThat(parse("GPU:RTX Country:De"))
        .containsExactly(
            new Term.TextMatch(SearchField.GPU, List.of("RTX"), false),
            new Term.TextMatch(SearchField.COUNTRY, List.of("De"), false));
  }

  @Test
  void sizes_accept_units_and_open_ranges() {
    assertThat(parse("memory:>=0.5TB ssd:[1TB TO *] hdd:(512 OR 1024MB) gpu_memory:[* TO 80]"))
        .containsExactly(
            new Term.Comparison(SearchField.MEMORY, Term.Op.GE, n("512"), false),
            new Term.Range(SearchField.SSD, n("1024"), null, false),
            new Term.NumberMatch(SearchField.HDD, List.of(n("512"), n("1")), false),
            new Term.Range(SearchField.GPU_MEMORY, null, n("80"), false));
  }

  @Test
  void bare_words_and_quoted_phrases_are_free_text_and_AND_is_a_no_op() {
    assertThat(parse("rtx AND \"a100 80gb\" -slow country:us"))
        .containsExactly(
            new Term.FreeText("rtx", false),
            new Term.FreeText("a100 80gb", false),
            new Term.FreeText("slow", true),
            new Term.TextMatch(SearchField.COUNTRY, List.of("us"), false));
  }

  @Test
  void double_bar_is_no_operator_either() {
    assertThatThrownBy(() -> SearchExpression.parse("type:gpu || type:compute"))
        .isInstanceOf(DomainException.class)
        .hasMessageStartingWith("'||' is not an operator here at column 10");
  }

  @Test
  void blank_or_null_input_is_an_empty_expression() {
    assertThat(SearchExpression.parse(null).isEmpty()).isTrue();
    assertThat(SearchExpression.parse("  \t ").isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      maxCharsPerColumn = 100_000,
      value = {
        "type:gpu colour:red|unknown field 'colour' at column 10; known fields: name, desc, type,"
            + " stock, price, currency, cores, memory, ssd, hdd, country, city, gpu, gpu_count,"
            + " gpu_memory, min_hours, max_hours, os, trust, rating, reviews",
        "price:cheap|expected a number for 'price' at column 7, got 'cheap'",
        "rating:>=4.125|'rating' has at most 2 decimal places at column 10, got '4.125'",
        "rating:>5.5|'rating' is an average of 1-5 ratings, at most 5 at column 9, got '5.5'",
        "rating:good|expected a number for 'rating' at column 8, got 'good'",
        "reviews:>=1.5|expected a whole number for 'reviews' at column 11, got '1.5'",
        "type:(gpu OR compute|unclosed '(' at column 6",
        "type:(gpu compute)|expected 'OR' or ')' in the list for 'type' at column 11, got 'compute'",
        "type:()|empty '()' for 'type' at column 6",
        "name:>5|'name' is a text field; comparisons and ranges work only on numeric fields"
            + " (price, cores, memory, ssd, hdd, gpu_count, gpu_memory, min_hours, max_hours,"
            + " trust, rating, reviews) at column 6",
        "city:[a TO b]|'city' is a text field; comparisons and ranges work only on numeric fields"
            + " (price, cores, memory, ssd, hdd, gpu_count, gpu_memory, min_hours, max_hours,"
            + " trust, rating, reviews) at column 6",
        "price:[50 500]|expected 'TO' in the range for 'price' at column 11, got '500'",
        "price:[50 TO 500|unclosed '[' at column 7",
        "price:[500 TO 50]|empty range for 'price': 500 is greater than 50 at column 7",
        "price:1.0000000001|'price' has at most 9 decimal places at column 7, got '1.0000000001'",
        "price:<=99999999999|'price' is at most 1000000000 at column 9, got '99999999999'",
        "cores:7.5|expected a whole number for 'cores' at column 7, got '7.5'",
        "cores:-1|expected a number for 'cores' at column 7, got '-1'",
        "cores:9999999999999999|number too large for 'cores' at column 7, got '9999999999999999'",
        "memory:lots|expected a size for 'memory' at column 8, got 'lots' (a size is like 16,"
            + " 16GB or 1TB; a bare number is GB)",
        "cores:>= 8|expected a number after '>=' for 'cores' at column 9",
        "name: x|expected a value for 'name' at column 6",
        "name:\"abc|unclosed '\"' at column 6",
        "gpu OR cpu|'OR' works only inside a field's parentheses, e.g. type:(gpu OR compute) at"
            + " column 5",
        "(gpu)|unexpected '(' at column 1; parentheses and brackets go after a field, e.g."
            + " type:(gpu OR compute) or price:[50 TO 500]",
        ":gpu|expected a field name before ':' at column 1",
        "type:gpu) x|unexpected ')' at column 9",
        "- type:gpu|expected a term after '-' at column 1",
        "type:gpus|'gpus' is not a product type for 'type' at column 6 (one of compute,"
            + " dedicated, gpu, network, storage)",
        "type:(gpu OR gpus)|'gpus' is not a product type for 'type' at column 14 (one of"
            + " compute, dedicated, gpu, network, storage)",
        "stock:instock|'instock' is not a stock status for 'stock' at column 7 (one of in_stock,"
            + " out_of_stock)",
        "country:Germany|'Germany' is not a country code for 'country' at column 9 (two letters,"
            + " ISO 3166-1 alpha-2, e.g. DE or US)",
        "currency:dollars|'dollars' is not a currency code for 'currency' at column 10 (three"
            + " letters, e.g. USD or EUR)",
        "type:gpu && price:<500|'&&' is not an operator here at column 10: terms separated by"
            + " spaces must all match (AND is implied); for one of several values use a field's"
            + " list, e.g. type:(gpu OR compute)",
        "type:gpu & cores:>=2|'&' is not an operator here at column 10: terms separated by"
            + " spaces must all match (AND is implied); for one of several values use a field's"
            + " list, e.g. type:(gpu OR compute)",
        "type:gpu AND|'AND' needs a term after it at column 10",
        "AND type:gpu|'AND' needs a term before it at column 1",
        "type:gpu AND AND cores:>=2|'AND' needs a term before it at column 14",
      })
  void errors_name_the_field_or_token_and_its_column(String input, String message) {
    assertThatThrownBy(() -> SearchExpression.parse(input))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage(message);
  }

  @Test
  void the_column_is_also_available_as_a_number() {
    assertThatThrownBy(() -> SearchExpression.parse("type:gpu colour:red"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.column()).isEqualTo(10));
  }

  @Test
  void control_characters_are_refused_with_their_code_point() {
    assertThatThrownBy(() -> SearchExpression.parse("name:a\u0000b"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("unexpected control character U+0000 at column 7");
  }

  @Test
  void expressions_longer_than_2000_characters_are_refused() {
    String longest = "name:" + "a".repeat(SearchExpression.MAX_LENGTH - 5);
    assertThat(parse(longest)).hasSize(1);
    assertThatThrownBy(() -> SearchExpression.parse(longest + "a"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("search expression is too long: 2001 characters, at most 2000");
  }

  @Test
  void more_than_50_terms_are_refused_at_the_51st() {
    String fifty = "cores:>1 ".repeat(50);
    assertThat(parse(fifty)).hasSize(50);
    assertThatThrownBy(() -> SearchExpression.parse(fifty + "cores:>1"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("too many terms: at most 50 are allowed at column 451");
  }

  @Test
  void more_than_20_values_in_one_list_are_refused() {
    String values = String.join(" OR ", java.util.Collections.nCopies(21, "x"));
    assertThatThrownBy(() -> SearchExpression.parse("name:(" + values + ")"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessageStartingWith("too many values for 'name': at most 20 at column ");
  }

  /**
   * Garbage in, and only a result or a DomainException out: no NumberFormatException,
   * IndexOutOfBounds or StackOverflowError from anything a client can type.
   */
  @Test
  void random_and_hostile_input_never_fails_with_anything_but_a_syntax_error() {
    Random random = new Random(20261126L);
    String alphabet = "abcgpuxyz01259.:()[]<>=!-\"\\* \tORTO*_\u00e9\u0000\n";
    String[] pieces = {
      "price:", "type:", "(", ")", "[", "]", " TO ", " OR ", ">=", "<", "\"", "!", "-", "*",
      "cores:", "memory:", "1TB", "9.99", "x", " ", "colour:", "\\", ":"
    };
    int results = 0;
    int errors = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(i % 100 == 0 ? 3_000 : 40);
      for (int j = 0; j < len; j++) {
        if (random.nextBoolean()) {
          s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        } else {
          s.append(pieces[random.nextInt(pieces.length)]);
        }
      }
      try {
        SearchExpression.parse(s.toString());
        results++;
      } catch (DomainException e) {
        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
        assertThat(e.getMessage()).isNotBlank();
        errors++;
      }
    }
    assertThat(results).isPositive();
    assertThat(errors).isPositive();
  }

  @Test
  void huge_inputs_are_refused_quickly() {
    String[] huge = {
      "(".repeat(1_000_000),
      "price:" + "9".repeat(1_000_000),
      "\"".repeat(1_000_000),
      "a:".repeat(500_000)
    };
    for (String s : huge) {
      assertThatThrownBy(() -> SearchExpression.parse(s))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
          .hasMessageContaining("too long");
    }
    // within the cap, deep nesting or long numbers still only give syntax errors
    assertThatThrownBy(() -> SearchExpression.parse("type:" + "(".repeat(1_990)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    assertThatThrownBy(() -> SearchExpression.parse("price:" + "9".repeat(1_990)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessageStartingWith("'price' is at most 1000000000 at column 7");
  }
}
