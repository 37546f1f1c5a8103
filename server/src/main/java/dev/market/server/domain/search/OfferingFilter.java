package dev.market.server.domain.search;

import java.math.BigDecimal;

/**
 * The filters of {@code GET /offerings} (docs/protocol.md section 4); every component is optional
 * (null).
 *
 * @param productType exact product type, case-insensitive
 * @param country exact datacenter country (ISO-2), case-insensitive
 * @param inStockOnly true keeps only offerings whose stock status is {@code in_stock}
 * @param minPriceMonthly inclusive lower bound of the monthly price, major units
 * @param maxPriceMonthly inclusive upper bound of the monthly price, major units
 * @param q a search expression when it contains {@code :}, otherwise a case-insensitive substring
 *     of the name, description or product type
 */
public record OfferingFilter(
    String productType,
    String country,
    Boolean inStockOnly,
    BigDecimal minPriceMonthly,
    BigDecimal maxPriceMonthly,
    String q) {

  /** The filter that keeps everything. */
  public static OfferingFilter none() {
    return new OfferingFilter(null, null, null, null, null, null);
  }

  /** Only a {@code q}. */
  public static OfferingFilter query(String q) {
    return new OfferingFilter(null, null, null, null, null, q);
  }
}
