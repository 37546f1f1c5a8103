package dev.market.client;

import java.math.BigDecimal;

/**
 * Filters for {@code GET /offerings} (docs/protocol.md section 4). Build with {@link #builder()};
 * {@code null} fields are not sent.
 *
 * @param q a search expression when it contains {@code :}, else a substring
 * @param sort the order: {@code price} (the server's default) or {@code rating}; Decent Cloud
 *     ignores it
 */
public record OfferingQuery(
    String productType,
    String country,
    Boolean inStockOnly,
    BigDecimal minPriceMonthly,
    BigDecimal maxPriceMonthly,
    String q,
    Integer limit,
    Integer offset,
    String sort) {

  /** An empty query: every public offering, the server's default page. */
  public static Builder builder() {
    return new Builder();
  }

  /** A copy at another page offset. */
  public OfferingQuery withOffset(int newOffset) {
    return new OfferingQuery(
        productType,
        country,
        inStockOnly,
        minPriceMonthly,
        maxPriceMonthly,
        q,
        limit,
        newOffset,
        sort);
  }

  /** A copy with another page size. */
  public OfferingQuery withLimit(int newLimit) {
    return new OfferingQuery(
        productType,
        country,
        inStockOnly,
        minPriceMonthly,
        maxPriceMonthly,
        q,
        newLimit,
        offset,
        sort);
  }

  /** Builder for {@link OfferingQuery}. */
  public static final class Builder {
    private String productType;
    private String country;
    private Boolean inStockOnly;
    private BigDecimal minPriceMonthly;
    private BigDecimal maxPriceMonthly;
    private String q;
    private Integer limit;
    private Integer offset;
    private String sort;

    /** {@code compute}, {@code dedicated}, {@code gpu}, {@code network} or {@code storage}. */
    public Builder productType(String v) {
      this.productType = v;
      return this;
    }

    /** Datacenter country, ISO-2 ({@code DE}). */
    public Builder country(String v) {
      this.country = v;
      return this;
    }

    /** Only offerings in stock. */
    public Builder inStockOnly(boolean v) {
      this.inStockOnly = v;
      return this;
    }

    /** Lowest monthly price, in the offering's currency; sent exactly ({@code toPlainString}). */
    public Builder minPriceMonthly(BigDecimal v) {
      this.minPriceMonthly = v;
      return this;
    }

    /** Highest monthly price, in the offering's currency; sent exactly ({@code toPlainString}). */
    public Builder maxPriceMonthly(BigDecimal v) {
      this.maxPriceMonthly = v;
      return this;
    }

    /** A search expression ({@code type:gpu price:<=500}) or a plain substring. */
    public Builder query(String v) {
      this.q = v;
      return this;
    }

    /** Page size; our server clamps it to 500. */
    public Builder limit(int v) {
      this.limit = v;
      return this;
    }

    /** Offerings to skip. */
    public Builder offset(int v) {
      this.offset = v;
      return this;
    }

    /**
     * The order: {@code price} (cheapest first, the default) or {@code rating} (best-rated provider
     * first, then more reviews, then cheapest; unrated last).
     */
    public Builder sort(String v) {
      this.sort = v;
      return this;
    }

    /** The query. */
    public OfferingQuery build() {
      return new OfferingQuery(
          productType,
          country,
          inStockOnly,
          minPriceMonthly,
          maxPriceMonthly,
          q,
          limit,
          offset,
          sort);
    }
  }
}
