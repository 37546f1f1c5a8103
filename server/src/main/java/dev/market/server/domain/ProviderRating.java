package dev.market.server.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A provider's reviews in sum: how many and the sum of their 1-5 ratings. Kept as integers so
 * filters compare exactly; the average is only made a decimal for display.
 *
 * @param count reviews, at least 1
 * @param sum the sum of their ratings, {@code count} to {@code 5 x count}
 */
public record ProviderRating(long count, long sum) {
  /** Decimal places of the average on the wire (docs/protocol.md section 5). */
  public static final int AVERAGE_DECIMALS = 2;

  public ProviderRating {
    if (count < 1 || sum < count || sum > 5 * count) {
      throw new IllegalArgumentException("impossible rating totals: " + sum + " over " + count);
    }
  }

  /**
   * The average rounded down to {@link #AVERAGE_DECIMALS} places, trailing zeros dropped (4.5, 4,
   * 3.66): rounded down so that a shown value of at least x always means {@code rating:>=x} keeps
   * the offering.
   */
  public BigDecimal average() {
    BigDecimal avg =
        BigDecimal.valueOf(sum)
            .divide(BigDecimal.valueOf(count), AVERAGE_DECIMALS, RoundingMode.FLOOR)
            .stripTrailingZeros();
    return avg.scale() < 0 ? avg.setScale(0, RoundingMode.UNNECESSARY) : avg;
  }
}
