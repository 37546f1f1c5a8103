package dev.market.server.domain.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields a search expression may name (docs/protocol.md section 4), and how each one matches.
 */
public enum SearchField {
  NAME("name", Kind.TEXT_CONTAINS),
  DESC("desc", Kind.TEXT_CONTAINS),
  TYPE("type", Kind.TEXT_EXACT),
  STOCK("stock", Kind.TEXT_EXACT),
  PRICE("price", Kind.DECIMAL),
  CURRENCY("currency", Kind.TEXT_EXACT),
  CORES("cores", Kind.INTEGER),
  MEMORY("memory", Kind.CAPACITY),
  SSD("ssd", Kind.CAPACITY),
  HDD("hdd", Kind.CAPACITY),
  COUNTRY("country", Kind.TEXT_EXACT),
  CITY("city", Kind.TEXT_CONTAINS),
  GPU("gpu", Kind.TEXT_CONTAINS),
  GPU_COUNT("gpu_count", Kind.INTEGER),
  GPU_MEMORY("gpu_memory", Kind.INTEGER),
  MIN_HOURS("min_hours", Kind.INTEGER),
  MAX_HOURS("max_hours", Kind.INTEGER),
  OS("os", Kind.TEXT_CONTAINS),
  TRUST("trust", Kind.INTEGER),
  RATING("rating", Kind.RATING),
  REVIEWS("reviews", Kind.INTEGER);

  /** How values of a field are read and compared. */
  public enum Kind {
    /** Case-insensitive equality. */
    TEXT_EXACT,
    /** Case-insensitive substring. */
    TEXT_CONTAINS,
    /** A non-negative whole number. */
    INTEGER,
    /** A whole number of GB; a unit suffix (MB, GB, TB) is accepted and converted. */
    CAPACITY,
    /** A non-negative decimal amount in major currency units, at most 9 decimal places. */
    DECIMAL,
    /** An average rating: 0 to 5, at most 2 decimal places. */
    RATING;

    public boolean numeric() {
      return this == INTEGER || this == CAPACITY || this == DECIMAL || this == RATING;
    }
  }

  private final String key;
  private final Kind kind;

  SearchField(String key, Kind kind) {
    this.key = key;
    this.kind = kind;
  }

  /** The name used in expressions, e.g. {@code gpu_memory}. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  public static Optional<SearchField> byKey(String key) {
    String wanted = key.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.key.equals(wanted)).findFirst();
  }

  /** "name, desc, type, ..." for error messages. */
  public static String knownKeys() {
    return Arrays.stream(values()).map(SearchField::key).collect(Collectors.joining(", "));
  }
}
