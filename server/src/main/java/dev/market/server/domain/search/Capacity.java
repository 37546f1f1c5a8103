package dev.market.server.domain.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the free-form sizes providers write ("16 GB", "1 TB", "512GB", "2 x 1 TB") as whole GB, so
 * that {@code memory:>=32} and {@code ssd:>=1TB} can compare numbers.
 *
 * <p>Units are binary (1 TB = 1024 GB, 1 GB = 1024 MB) and used the same way for stored offerings
 * and for search values, so {@code ssd:>=1TB} matches an offering that says "1 TB" whichever
 * convention its provider had in mind.
 */
public final class Capacity {

  private static final Pattern PART =
      Pattern.compile(
          "^(?:([0-9]{1,6})\\s*[x\u00d7*]\\s*)?([0-9]{1,15}(?:[.,][0-9]{1,9})?)\\s*"
              + "(pib|pb|tib|tb|gib|gb|mib|mb|p|t|g|m)?(?![a-z])",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SEARCH_VALUE =
      Pattern.compile(
          "([0-9]{1,15}(?:\\.[0-9]{1,9})?)(pib|pb|tib|tb|gib|gb|mib|mb|p|t|g|m)?",
          Pattern.CASE_INSENSITIVE);

  private static final BigDecimal K = BigDecimal.valueOf(1024);
  private static final int MAX_TEXT = 200;

  private Capacity() {}

  /**
   * The size in whole GB (rounded down), or null when the text states no size. Parts joined by
   * {@code +} are added up ("2 x 1 TB + 500 GB"); text after a size ("NVMe", "DDR5") is ignored.
   */
  public static Long toGb(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      return null;
    }
    BigDecimal total = BigDecimal.ZERO;
    boolean any = false;
    for (String part : text.split("\\+", -1)) {
      Matcher m = PART.matcher(part.strip());
      if (!m.find()) {
        continue;
      }
      BigDecimal count = m.group(1) == null ? BigDecimal.ONE : new BigDecimal(m.group(1));
      BigDecimal amount = new BigDecimal(m.group(2).replace(',', '.'));
      total = total.add(count.multiply(inGb(amount, m.group(3))));
      any = true;
    }
    if (!any) {
      return null;
    }
    BigDecimal whole = total.setScale(0, RoundingMode.FLOOR);
    return whole.toBigInteger().bitLength() < 63 ? whole.longValueExact() : null;
  }

  /**
   * A size written in a search expression ("16", "16GB", "0.5TB"; a bare number is GB) in GB,
   * possibly fractional.
   *
   * @throws IllegalArgumentException when it is not such a size
   */
  static BigDecimal searchValueToGb(String token) {
    Matcher m = SEARCH_VALUE.matcher(token);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size");
    }
    return inGb(new BigDecimal(m.group(1)), m.group(2)).stripTrailingZeros();
  }

  private static BigDecimal inGb(BigDecimal amount, String unit) {
    String u = unit == null ? "g" : unit.substring(0, 1).toLowerCase(Locale.ROOT);
    return switch (u) {
      case "m" -> amount.divide(K);
      case "t" -> amount.multiply(K);
      case "p" -> amount.multiply(K).multiply(K);
      default -> amount;
    };
  }
}
