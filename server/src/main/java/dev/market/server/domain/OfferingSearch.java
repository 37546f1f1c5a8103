package dev.market.server.domain;

import java.math.BigDecimal;

/** The listing filters of {@code GET /offerings}; null means "no filter". */
public record OfferingSearch(
    String productType,
    String country,
    boolean inStockOnly,
    BigDecimal minPriceMonthly,
    BigDecimal maxPriceMonthly,
    String q,
    int limit,
    int offset) {}
