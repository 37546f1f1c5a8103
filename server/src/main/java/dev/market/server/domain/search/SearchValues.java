package dev.market.server.domain.search;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The values an exact-match field can hold. A value outside them can never match, so asking for it
 * is a mistake to report ({@code type:gpus}, {@code stock:instock}, {@code country:Germany}), not
 * an empty page. Fields not named here take any value.
 */
public final class SearchValues {
  /** What {@code product_type} may be (offerings are refused with any other). */
  public static final List<String> PRODUCT_TYPES =
      List.of("compute", "dedicated", "gpu", "network", "storage");

  /** The stock statuses the marketplace and Decent Cloud use. */
  public static final List<String> STOCK_STATUSES = List.of("in_stock", "out_of_stock");

  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

  /** Why a value can never match: what it is not, and what would be valid. */
  public record Problem(String what, String valid) {
    /** One sentence, for a query parameter's error. */
    public String sentence() {
      return what + " " + valid;
    }
  }

  private SearchValues() {}

  /** {@code null} when {@code value} may match {@code field}, else why it never can. */
  public static Problem problem(SearchField field, String value) {
    String v = value.strip();
    return switch (field) {
      case TYPE -> productType(v);
      case STOCK ->
          STOCK_STATUSES.contains(v.toLowerCase(Locale.ROOT))
              ? null
              : new Problem(
                  "'" + v + "' is not a stock status",
                  "(one of " + String.join(", ", STOCK_STATUSES) + ")");
      case COUNTRY -> country(v);
      case CURRENCY ->
          CURRENCY.matcher(v).matches()
              ? null
              : new Problem(
                  "'" + v + "' is not a currency code", "(three letters, e.g. USD or EUR)");
      default -> null;
    };
  }

  /** {@code null} when {@code value} is a product type, else why not. */
  public static Problem productType(String value) {
    return PRODUCT_TYPES.contains(value.strip().toLowerCase(Locale.ROOT))
        ? null
        : new Problem(
            "'" + value + "' is not a product type",
            "(one of " + String.join(", ", PRODUCT_TYPES) + ")");
  }

  /** {@code null} when {@code value} is a two-letter country code, else why not. */
  public static Problem country(String value) {
    return COUNTRY.matcher(value.strip()).matches()
        ? null
        : new Problem(
            "'" + value + "' is not a country code",
            "(two letters, ISO 3166-1 alpha-2, e.g. DE or US)");
  }
}
