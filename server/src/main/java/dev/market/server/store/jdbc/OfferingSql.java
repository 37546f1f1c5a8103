package dev.market.server.store.jdbc;

import dev.market.server.domain.DomainException;
import dev.market.server.domain.OfferingSearch;
import dev.market.server.domain.search.OfferingFilter;
import dev.market.server.domain.search.SearchExpression;
import dev.market.server.domain.search.SearchField;
import dev.market.server.domain.search.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Turns listing filters and search expressions into a WHERE condition over the {@code offerings}
 * table that runs unchanged on SQLite and PostgreSQL: {@code ?} parameters only, case-insensitive
 * text through {@code LOWER(col)}, money as exact integer e9s.
 */
public final class OfferingSql {

  /**
   * Offerings with their provider's review totals: one primary-key lookup per row, the columns
   * {@link #RATING_COUNT} and {@link #RATING_SUM} are null for a provider without reviews.
   */
  public static final String FROM =
      "offerings LEFT JOIN provider_ratings ON provider_ratings.provider_pubkey = offerings.pubkey";

  static final String RATING_COUNT = "provider_ratings.rating_count";
  static final String RATING_SUM = "provider_ratings.rating_sum";

  /** The listing order of docs/protocol.md section 4: stable across pages. */
  public static final String ORDER_BY = "monthly_price_e9s ASC, id ASC";

  /**
   * Best rated first (docs/protocol.md section 4.1): the average to 10^-6 as an integer (integer
   * division truncates alike on SQLite and PostgreSQL, where a float or numeric quotient could tie
   * differently), then more reviews, then the price order; providers without reviews last.
   */
  public static final String ORDER_BY_RATING =
      "COALESCE("
          + RATING_SUM
          + " * 1000000 / "
          + RATING_COUNT
          + ", 0) DESC, COALESCE("
          + RATING_COUNT
          + ", 0) DESC, "
          + ORDER_BY;

  /** Ratings are compared in hundredths: bounds have at most 2 decimals. */
  private static final int RATING_SCALE = 2;

  private static final String NOTHING = "1 = 0";
  private static final String EVERYTHING = "1 = 1";
  private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");
  private static final int PRICE_SCALE = 9;
  private static final int MAX_Q_LENGTH = SearchExpression.MAX_LENGTH;

  private OfferingSql() {}

  /**
   * The whole public listing query of {@code GET /offerings}: public, non-draft offerings matching
   * {@code search}, in {@link #ORDER_BY}, one page. The store runs it and the search benchmark
   * explains it, so both always see the same SQL.
   *
   * @param selectList what to select, e.g. the offering columns or just {@code id}
   */
  public static SqlFragment listing(String selectList, OfferingSearch search) {
    SqlFragment where =
        where(
            new OfferingFilter(
                search.productType(),
                search.country(),
                search.inStockOnly(),
                search.minPriceMonthly(),
                search.maxPriceMonthly(),
                search.q()));
    String filter =
        " WHERE is_draft = ? AND visibility = ? AND ("
            + where.sql()
            + ") ORDER BY "
            + orderBy(search.sort())
            + " LIMIT ? OFFSET ?";
    String sql;
    if (search.sort() == OfferingSearch.Sort.PRICE && !where.sql().contains("provider_ratings.")) {
      // nothing asks about ratings: pick the page from offerings alone, as before ratings existed
      // (a deep OFFSET skips rows on the listing index without reading them), then join the
      // ratings of those rows only
      sql =
          "SELECT "
              + selectList
              + " FROM (SELECT * FROM offerings"
              + filter
              + ") offerings LEFT JOIN provider_ratings"
              + " ON provider_ratings.provider_pubkey = offerings.pubkey ORDER BY "
              + ORDER_BY;
    } else {
      sql = "SELECT " + selectList + " FROM " + FROM + filter;
    }
    List<Object> params = new ArrayList<>(List.of(false, "public"));
    params.addAll(where.params());
    params.add(search.limit());
    params.add(search.offset());
    return new SqlFragment(sql, params);
  }

  /** The ORDER BY list of a sort. */
  public static String orderBy(OfferingSearch.Sort sort) {
    return switch (sort) {
      case PRICE -> ORDER_BY;
      case RATING -> ORDER_BY_RATING;
    };
  }

  /**
   * The condition for a filter, over {@link #FROM}, to be placed after {@code WHERE} (or after
   * {@code AND}); it is {@code 1 = 1} when the filter keeps everything. Visibility and drafts are
   * the caller's concern.
   *
   * @throws DomainException when {@code q} is an expression that does not parse
   * @throws DomainException when a price bound is negative, too large or finer than 10^-9
   */
  public static SqlFragment where(OfferingFilter filter) {
    Builder b = new Builder();
    if (present(filter.productType())) {
      b.and("LOWER(product_type) = ?", lower(filter.productType().strip()));
    }
    if (present(filter.country())) {
      b.and("LOWER(datacenter_country) = ?", lower(filter.country().strip()));
    }
    if (Boolean.TRUE.equals(filter.inStockOnly())) {
      b.and("LOWER(stock_status) = ?", "in_stock");
    }
    if (filter.minPriceMonthly() != null) {
      b.and("monthly_price_e9s >= ?", priceE9s("min_price_monthly", filter.minPriceMonthly()));
    }
    if (filter.maxPriceMonthly() != null) {
      b.and("monthly_price_e9s <= ?", priceE9s("max_price_monthly", filter.maxPriceMonthly()));
    }
    String q = filter.q();
    if (present(q)) {
      if (q.indexOf(':') >= 0) {
        for (Term term : SearchExpression.parse(q).terms()) {
          b.term(term);
        }
      } else {
        if (q.length() > MAX_Q_LENGTH) {
          throw DomainException.invalid("q", "at most " + MAX_Q_LENGTH + " characters");
        }
        b.term(new Term.FreeText(q.strip(), false));
      }
    }
    return b.build();
  }

  /** The SQL column a search field compares. */
  static String column(SearchField field) {
    return switch (field) {
      case NAME -> "offer_name";
      case DESC -> "description";
      case TYPE -> "product_type";
      case STOCK -> "stock_status";
      case PRICE -> "monthly_price_e9s";
      case CURRENCY -> "currency";
      case CORES -> "processor_cores";
      case MEMORY -> "memory_gb";
      case SSD -> "ssd_gb";
      case HDD -> "hdd_gb";
      case COUNTRY -> "datacenter_country";
      case CITY -> "datacenter_city";
      case GPU -> "gpu_name";
      case GPU_COUNT -> "gpu_count";
      case GPU_MEMORY -> "gpu_memory_gb";
      case MIN_HOURS -> "min_contract_hours";
      case MAX_HOURS -> "max_contract_hours";
      case OS -> "operating_systems";
      case TRUST -> "trust_score";
      case REVIEWS -> "COALESCE(" + RATING_COUNT + ", 0)";
      // the average is compared as sum against bound x count (see Builder.compare); this column
      // is what decides "has a rating at all" for a negated term
      case RATING -> RATING_COUNT;
      default -> throw new IllegalStateException("no column for " + field);
    };
  }

  private static long priceE9s(String param, BigDecimal price) {
    if (price.signum() < 0) {
      throw DomainException.invalid(param, "must not be negative, got " + price.toPlainString());
    }
    if (price.compareTo(MAX_PRICE) > 0) {
      throw DomainException.invalid(
          param, "at most " + MAX_PRICE.toPlainString() + ", got " + price.toPlainString());
    }
    if (price.stripTrailingZeros().scale() > PRICE_SCALE) {
      throw DomainException.invalid(
          param, "at most " + PRICE_SCALE + " decimal places, got " + price.toPlainString());
    }
    return price.movePointRight(PRICE_SCALE).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** %, _ and \ in user text match themselves, not any character. */
  static String likeContains(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8).append('%');
    for (char c : lower(text).toCharArray()) {
      if (c == '%' || c == '_' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('%').toString();
  }

  private static final class Builder {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    void and(String sql, Object param) {
      conditions.add(sql);
      params.add(param);
    }

    SqlFragment build() {
      if (conditions.isEmpty()) {
        return new SqlFragment(EVERYTHING, List.of());
      }
      return new SqlFragment(String.join(" AND ", conditions), params);
    }

    void term(Term term) {
      String condition;
      String column = null;
      if (term instanceof Term.FreeText freeText) {
        condition = freeText(freeText.text());
      } else if (term instanceof Term.TextMatch t) {

        column = column(t.field());
        condition = textMatch(t.field(), column, t.values());
      } else if (term instanceof Term.NumberMatch t) {

        column = column(t.field());
        condition = numberMatch(t.field(), column, t.values());
      } else if (term instanceof Term.Range t) {

        column = column(t.field());
        condition = range(t.field(), column, t.min(), t.max());
      } else if (term instanceof Term.Comparison t) {

        column = column(t.field());
        condition = comparison(t.field(), column, t.op(), t.value());
      } else {
        throw new IllegalStateException("unknown term " + term);
      }
      if (!term.negated()) {
        conditions.add(condition);
      } else if (column == null) {
        // free text COALESCEs its columns, so NOT never meets a NULL
        conditions.add("NOT (" + condition + ")");
      } else {
        // SQL's NOT of a comparison with NULL is NULL (row dropped); "not out of stock" must
        // keep rows that say nothing about stock
        conditions.add("(" + column + " IS NULL OR NOT (" + condition + "))");
      }
    }

    private String freeText(String text) {
      String pattern = likeContains(text);
      StringJoiner any = new StringJoiner(" OR ", "(", ")");
      for (String col : List.of("offer_name", "description", "product_type")) {
        any.add("LOWER(COALESCE(" + col + ", '')) LIKE ? ESCAPE '\\'");
        params.add(pattern);
      }
      return any.toString();
    }

    private String textMatch(SearchField field, String column, List<String> values) {
      if (field.kind() == SearchField.Kind.TEXT_EXACT) {
        StringJoiner in = new StringJoiner(", ", "LOWER(" + column + ") IN (", ")");
        for (String v : values) {
          in.add("?");
          params.add(lower(v));
        }
        return values.size() == 1 ? "LOWER(" + column + ") = ?" : in.toString();
      }
      StringJoiner any = new StringJoiner(" OR ", "(", ")");
      for (String v : values) {
        any.add("LOWER(" + column + ") LIKE ? ESCAPE '\\'");
        params.add(likeContains(v));
      }
      return any.toString();
    }

    private String numberMatch(SearchField field, String column, List<BigDecimal> values) {
      List<Long> whole = new ArrayList<>();
      for (BigDecimal v : values) {
        BigDecimal scaled = scaled(field, v);
        if (scaled.stripTrailingZeros().scale() <= 0) {
          whole.add(scaled.longValueExact());
        }
      }
      if (whole.isEmpty()) {
        return NOTHING; // an integer column never equals 0.5
      }
      if (field == SearchField.RATING) {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (Long v : whole) {
          any.add(compare(field, column, "=", v));
        }
        return any.toString();
      }
      StringJoiner in = new StringJoiner(", ", column + " IN (", ")");
      for (Long v : whole) {
        in.add("?");
        params.add(v);
      }
      return whole.size() == 1 ? column + " = ?" : in.toString();
    }

    private String range(SearchField field, String column, BigDecimal min, BigDecimal max) {
      List<String> parts = new ArrayList<>();
      if (min != null) {
        parts.add(
            compare(
                field,
                column,
                ">=",
                scaled(field, min).setScale(0, RoundingMode.CEILING).longValueExact()));
      }
      if (max != null) {
        parts.add(
            compare(
                field,
                column,
                "<=",
                scaled(field, max).setScale(0, RoundingMode.FLOOR).longValueExact()));
      }
      if (parts.isEmpty()) {
        return column + " IS NOT NULL"; // [* TO *]: any value at all
      }
      return "(" + String.join(" AND ", parts) + ")";
    }

    private String comparison(SearchField field, String column, Term.Op op, BigDecimal value) {
      BigDecimal scaled = scaled(field, value);
      // the columns hold whole numbers, so round the bound the way that keeps the meaning exact
      RoundingMode rounding =
          (op == Term.Op.GE || op == Term.Op.LT) ? RoundingMode.CEILING : RoundingMode.FLOOR;
      return compare(field, column, op.symbol(), scaled.setScale(0, rounding).longValueExact());
    }

    /**
     * {@code column op value}; for the rating, whose average is no column, the exact {@code sum x
     * 100 op value x count} with the value in hundredths (null, so false, without reviews).
     */
    private String compare(SearchField field, String column, String op, long value) {
      params.add(value);
      if (field == SearchField.RATING) {
        return RATING_SUM + " * 100 " + op + " ? * " + RATING_COUNT;
      }
      return column + " " + op + " ?";
    }

    private static BigDecimal scaled(SearchField field, BigDecimal value) {
      return switch (field) {
        case PRICE -> value.movePointRight(PRICE_SCALE);
        case RATING -> value.movePointRight(RATING_SCALE);
        default -> value;
      };
    }
  }
}
