package dev.market.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.server.domain.DomainException;
import dev.market.server.domain.OfferingSearch;
import dev.market.server.domain.search.OfferingFilter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same search cases against each real database: the exact ids, in listing order, that every
 * filter and expression returns over {@link OfferingRows}.
 */
abstract class OfferingSqlContract {

  /** An open connection to a database holding {@link OfferingRows}. */
  abstract Connection connection();

  List<Long> ids(OfferingFilter filter) {
    return ids(filter, OfferingSearch.Sort.PRICE);
  }

  List<Long> ids(OfferingFilter filter, OfferingSearch.Sort sort) {
    SqlFragment where = OfferingSql.where(filter);
    String sql =
        "SELECT id FROM "
            + OfferingSql.FROM
            + " WHERE "
            + where.sql()
            + " ORDER BY "
            + OfferingSql.orderBy(sort);
    try (PreparedStatement p = connection().prepareStatement(sql)) {
      for (int i = 0; i < where.params().size(); i++) {
        p.setObject(i + 1, where.params().get(i));
      }
      List<Long> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new AssertionError(sql + " " + where.params(), e);
    }
  }

  List<Long> q(String q) {
    return ids(OfferingFilter.query(q));
  }

  static List<Long> ids(long... ids) {
    return Arrays.stream(ids).boxed().collect(Collectors.toList());
  }

  static List<Long> allBut(long... excluded) {
    List<Long> out = new ArrayList<>(OfferingRows.ALL);
    out.removeAll(ids(excluded));
    return out;
  }

  @Test
  void no_filter_lists_everything_by_price_then_id() {
    assertThat(ids(OfferingFilter.none())).isEqualTo(OfferingRows.ALL);
    assertThat(OfferingSql.where(OfferingFilter.none()).sql()).isEqualTo("1 = 1");
  }

  @Test
  void the_protocol_example_expression() {
    assertThat(q("type:(gpu OR compute) price:[50 TO 500] cores:>=8 !stock:out_of_stock"))
        .isEqualTo(ids(4, 19, 20, 24, 6, 7, 8));
  }

  @Test
  void listing_parameters_combine_type_stock_and_price_bounds() {
    OfferingFilter f =
        new OfferingFilter("GPU", null, true, new BigDecimal("100"), new BigDecimal("500"), null);
    assertThat(ids(f)).isEqualTo(ids(6, 7, 8));
  }

  @Test
  void product_type_and_country_parameters_ignore_case() {
    assertThat(ids(new OfferingFilter("compute", null, null, null, null, null)))
        .isEqualTo(ids(21, 1, 18, 2, 3, 4, 19, 5));
    assertThat(ids(new OfferingFilter(null, "de", null, null, null, null)))
        .isEqualTo(ids(1, 12, 16, 8, 22));
  }

  @Test
  void price_bounds_are_exact_to_the_nano_unit() {
    assertThat(
            ids(new OfferingFilter(null, null, null, new BigDecimal("500.000000001"), null, null)))
        .isEqualTo(ids(9, 22, 10));
    assertThat(q("price:500.000000001")).isEqualTo(ids(9));
    assertThat(q("price:>500")).isEqualTo(ids(9, 22, 10));
    assertThat(q("price:<=500")).isEqualTo(allBut(9, 22, 10));
    assertThat(q("price:[0.99 TO 3.5]")).isEqualTo(ids(21, 1));
  }

  @Test
  void parameters_and_an_expression_in_q_are_anded() {
    OfferingFilter f =
        new OfferingFilter(null, "us", null, null, new BigDecimal("100"), "cores:>=4");
    assertThat(ids(f)).isEqualTo(ids(2, 19));
  }

  @Test
  void q_without_a_colon_is_a_substring_of_name_description_or_type() {
    assertThat(q("vps")).isEqualTo(ids(1, 18, 2, 3, 19));
    assertThat(q("STORAGE")).isEqualTo(ids(12, 13, 22));
    assertThat(q("bare METAL")).isEqualTo(ids(14));
  }

  @Test
  void like_wildcards_in_user_text_match_only_themselves() {
    assertThat(q("50%")).isEqualTo(ids(20));
    assertThat(q("_")).isEqualTo(ids(2, 20));
    assertThat(q("name:%")).isEqualTo(ids(20));
    assertThat(q("desc:\\")).isEmpty();
  }

  @Test
  void contains_fields_match_substrings_case_insensitively() {
    assertThat(q("gpu:4090")).isEqualTo(ids(20, 6, 11));
    assertThat(q("city:FRANK")).isEqualTo(ids(8, 22));
    assertThat(q("city:\"new york\"")).isEqualTo(ids(2));
    assertThat(q("name:\"h100 x8\"")).isEqualTo(ids(10));
    assertThat(q("os:ubuntu")).isEqualTo(ids(1, 18, 2, 20, 24, 14, 6, 11, 7, 8, 10));
    assertThat(q("os:(windows OR alpine)")).isEqualTo(ids(21, 24, 9));
  }

  @Test
  void exact_fields_match_whole_values_case_insensitively() {
    assertThat(q("country:(fi OR JP)")).isEqualTo(ids(3, 24, 14, 23, 10));
    assertThat(q("currency:eur")).isEqualTo(ids(18));
    assertThat(q("stock:in_stock type:storage")).isEqualTo(ids(12, 13, 22));
    assertThat(q("STOCK:IN_STOCK type:Storage")).isEqualTo(ids(12, 13, 22));
  }

  @Test
  void negation_keeps_rows_where_the_column_is_null() {
    assertThat(q("!stock:out_of_stock")).isEqualTo(allBut(5, 15, 11));
    assertThat(q("-gpu:4090")).isEqualTo(allBut(20, 6, 11));
    assertThat(q("-desc:gpu")).isEqualTo(allBut(6));
    assertThat(q("!trust:>=80")).isEqualTo(allBut(1, 2, 6, 7, 10));
    assertThat(q("!hdd:>0")).isEqualTo(allBut(12, 13, 22));
    assertThat(q("!currency:usd")).isEqualTo(ids(18));
    assertThat(q("-vps type:compute")).isEqualTo(ids(21, 4, 5));
  }

  @Test
  void sizes_compare_in_gb_with_units() {
    assertThat(q("memory:>=64")).isEqualTo(ids(5, 14, 15, 23, 7, 8, 9, 10));
    assertThat(q("memory:>=1TB")).isEqualTo(ids(10));
    assertThat(q("memory:<1")).isEqualTo(ids(21));
    assertThat(q("memory:>=0.5")).isEqualTo(allBut(21, 16, 17));
    assertThat(q("memory:0.5")).isEmpty();
    assertThat(q("ssd:[1TB TO 2TB]")).isEqualTo(ids(4, 20, 5, 14, 6, 11, 7, 8, 9, 22));
    assertThat(q("hdd:>=4TB")).isEqualTo(ids(12, 13, 22));
  }

  @Test
  void whole_number_fields_compare_and_match_lists() {
    assertThat(q("cores:8")).isEqualTo(ids(3, 4, 19, 20, 6));
    assertThat(q("cores:(1 OR 2)")).isEqualTo(ids(21, 1, 12, 18, 13));
    assertThat(q("gpu_count:>=2")).isEqualTo(ids(8, 10));
    assertThat(q("gpu_memory:[48 TO 80]")).isEqualTo(ids(7, 8, 9, 10));
    assertThat(q("min_hours:>=24")).isEqualTo(ids(3, 6, 15, 23, 7, 10));
    assertThat(q("max_hours:<=720")).isEqualTo(ids(21, 6));
    assertThat(q("trust:>=80")).isEqualTo(ids(1, 2, 6, 7, 10));
    assertThat(q("trust:[* TO *]")).isEqualTo(ids(1, 2, 4, 19, 24, 5, 6, 7, 8, 9, 10));
  }

  @Test
  void rating_compares_the_exact_average_of_the_providers_reviews() {
    assertThat(q("rating:>=4")).isEqualTo(ids(1, 2, 3, 7));
    assertThat(q("rating:>4")).isEqualTo(ids(1, 2));
    assertThat(q("rating:4")).isEqualTo(ids(3, 7));
    assertThat(q("rating:(2 OR 4)")).isEqualTo(ids(3, 6, 7));
    assertThat(q("rating:<4")).isEqualTo(ids(6));
    assertThat(q("rating:<=4")).isEqualTo(ids(3, 6, 7));
    assertThat(q("rating:[2 TO 4]")).isEqualTo(ids(3, 6, 7));
    // 14 / 3 = 4.666…: above 4.66, below 4.67, never equal to a 2-decimal bound
    assertThat(q("rating:>=4.66")).isEqualTo(ids(1, 2));
    assertThat(q("rating:>=4.67")).isEmpty();
    assertThat(q("rating:4.67")).isEmpty();
    assertThat(q("rating:[* TO *]")).isEqualTo(ids(1, 2, 3, 6, 7));
  }

  @Test
  void a_negated_rating_keeps_providers_without_reviews_and_reviews_counts_them_as_0() {
    assertThat(q("!rating:>=4")).isEqualTo(allBut(1, 2, 3, 7));
    assertThat(q("-rating:[* TO *]")).isEqualTo(allBut(1, 2, 3, 6, 7));
    assertThat(q("reviews:>=3")).isEqualTo(ids(1, 2, 7));
    assertThat(q("reviews:0")).isEqualTo(allBut(1, 2, 3, 6, 7));
    assertThat(q("rating:>=4 reviews:<3")).isEqualTo(ids(3));
  }

  @Test
  void sorting_by_rating_puts_the_best_average_first_then_more_reviews_then_price() {
    List<Long> expected = new ArrayList<>(ids(1, 2, 7, 3, 6));
    expected.addAll(allBut(1, 2, 3, 6, 7));
    assertThat(ids(OfferingFilter.none(), OfferingSearch.Sort.RATING)).isEqualTo(expected);
    assertThat(ids(OfferingFilter.query("type:gpu"), OfferingSearch.Sort.RATING))
        .isEqualTo(ids(7, 6, 20, 24, 11, 8, 9, 10));
  }

  @Test
  void free_text_words_inside_an_expression_search_like_q() {
    assertThat(q("a100 type:gpu")).isEqualTo(ids(7));
    assertThat(q("\"bare metal\" country:fi")).isEqualTo(ids(14));
  }

  @Test
  void user_text_never_reaches_the_sql_and_an_injection_attempt_matches_nothing() {
    String evil = "name:\"'; DROP TABLE offerings; --\" x:1";
    assertThatThrownBy(() -> q(evil))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    String quoted = "name:\"'; DROP TABLE offerings; --\"";
    assertThat(OfferingSql.where(OfferingFilter.query(quoted)).sql()).doesNotContain("DROP");
    assertThat(q(quoted)).isEmpty();
    assertThat(q("' OR 1=1 --")).isEmpty();
    assertThat(ids(OfferingFilter.none())).hasSize(OfferingRows.ROWS.size());
  }

  @Test
  void bad_price_bounds_are_refused_naming_the_parameter() {
    assertThatThrownBy(
            () ->
                q2(
                    new OfferingFilter(
                        null, null, null, new BigDecimal("1.0000000001"), null, null)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("min_price_monthly: at most 9 decimal places, got 1.0000000001");
    assertThatThrownBy(
            () -> q2(new OfferingFilter(null, null, null, null, new BigDecimal("-1"), null)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("max_price_monthly: must not be negative, got -1");
    assertThatThrownBy(
            () -> q2(new OfferingFilter(null, null, null, null, new BigDecimal("1e12"), null)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("max_price_monthly: at most 1000000000, got 1000000000000");
    assertThat(ids(new OfferingFilter(null, null, null, null, new BigDecimal("3.500000000"), null)))
        .isEqualTo(ids(21, 1));
  }

  private List<Long> q2(OfferingFilter f) {
    return ids(f);
  }

  @Test
  void an_expression_with_an_unknown_field_is_a_syntax_error() {
    assertThatThrownBy(() -> q("type:gpu colour:red"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessageStartingWith("unknown field 'colour' at column 10; known fields: name,");
  }
}
