package dev.market.server.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The listing filters and order of {@code GET /offerings}; null means "no filter". */
public record OfferingSearch(
    String productType,
    String country,
    boolean inStockOnly,
    BigDecimal minPriceMonthly,
    BigDecimal maxPriceMonthly,
    String q,
    int limit,
    int offset,
    Sort sort) {

  public OfferingSearch {
    sort = sort == null ? Sort.PRICE : sort;
  }

  /** Filters only, in the default (price) order. */
  public OfferingSearch(
      String productType,
      String country,
      boolean inStockOnly,
      BigDecimal minPriceMonthly,
      BigDecimal maxPriceMonthly,
      String q,
      int limit,
      int offset) {
    this(
        productType,
        country,
        inStockOnly,
        minPriceMonthly,
        maxPriceMonthly,
        q,
        limit,
        offset,
        Sort.PRICE);
  }

  /** The listing orders of docs/protocol.md section 4.1 ({@code sort=}). */
  public enum Sort {
    /** Cheapest first, then by id. */
    PRICE,
    /** Best-rated provider first, then more reviews, then cheapest; unrated last. */
    RATING;

    /** The value of the {@code sort} parameter. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** A {@code sort} value, case-insensitive. */
    public static Optional<Sort> parse(String value) {
      return Arrays.stream(values()).filter(s -> s.wire().equalsIgnoreCase(value)).findFirst();
    }

    /** "price or rating" for error messages. */
    public static String known() {
      return Arrays.stream(values()).map(Sort::wire).collect(Collectors.joining(" or "));
    }
  }
}
