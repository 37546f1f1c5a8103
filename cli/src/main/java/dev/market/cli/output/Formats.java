package dev.market.cli.output;

import dev.market.protocol.model.Offering;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How values look in tables and detail views. Times are UTC so output is the same everywhere. */
public final class Formats {
  /** A month is 720 hours on this marketplace (docs/protocol.md section 4, the price formula). */
  public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(720);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Formats() {}

  /** Unix nanoseconds as {@code 2026-11-26 15:30:27Z}; empty for {@code null}. */
  public static String nanos(Long ns) {
    if (ns == null || ns == 0) {
      return "";
    }
    return TIME.format(Instant.ofEpochSecond(ns / 1_000_000_000L, ns % 1_000_000_000L));
  }

  /** Unix seconds as {@code 2026-11-26 15:30:27Z}; empty for {@code null}. */
  public static String seconds(Long s) {
    return s == null || s == 0 ? "" : TIME.format(Instant.ofEpochSecond(s));
  }

  /** The first 8 hex characters of a key or contract id and an ellipsis. */
  public static String shortHex(String hex) {
    if (hex == null) {
      return "";
    }
    return hex.length() > 8 ? hex.substring(0, 8) + "…" : hex;
  }

  /** {@code 12.50 USD}; empty when there is no price. */
  public static String money(BigDecimal amount, String currency, int scale) {
    if (amount == null) {
      return "";
    }
    if (!isBounded(amount)) {
      return "?"; // a garbage answer: rounding 1e-999999999 would take minutes
    }
    String n = amount.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    return currency == null || currency.isBlank() ? n : n + " " + currency;
  }

  /**
   * Whether arithmetic on {@code amount} is cheap: at most 30 digits on each side of the point. A
   * server's answer is untrusted; scale and precision are read, never computed with.
   */
  public static boolean isBounded(BigDecimal amount) {
    return amount.scale() <= 30 && (long) amount.precision() - amount.scale() <= 30;
  }

  public static String monthly(Offering o) {
    return money(o.monthlyPrice(), o.currency(), 2);
  }

  /** The monthly price divided over 720 hours, to 4 decimals. */
  public static String hourly(Offering o) {
    if (o.monthlyPrice() == null || !isBounded(o.monthlyPrice())) {
      return o.monthlyPrice() == null ? "" : "?";
    }
    return money(
        o.monthlyPrice().divide(HOURS_PER_MONTH, 4, RoundingMode.HALF_UP), o.currency(), 4);
  }

  /**
   * An {@code *_e9s} amount (x 10^9) in major units, rounded for reading: cents ({@code 0.12 USD}
   * for 0.116333333), or two significant digits when cents would show a non-zero amount as 0.00
   * ({@code 0.0042}). {@code -o json} keeps the exact integer.
   */
  public static String e9s(Long amount, String currency) {
    if (amount == null) {
      return "";
    }
    BigDecimal exact = BigDecimal.valueOf(amount, 9);
    BigDecimal v = exact.setScale(2, RoundingMode.HALF_UP);
    if (v.signum() == 0 && exact.signum() != 0) {
      v = exact.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros();
    }
    return currency == null || currency.isBlank()
        ? v.toPlainString()
        : v.toPlainString() + " " + currency;
  }

  /**
   * {@code 8c, 32 GB, 512 GB SSD}, and a GPU first ({@code 2x RTX 4090, 8c, ...}): what a renter
   * compares at a glance, the deciding part first where a narrow table cuts the rest.
   */
  public static String specs(Offering o) {
    List<String> parts = new ArrayList<>();
    if (present(o.gpuName()) || o.gpuCount() != null) {
      int count = o.gpuCount() == null ? 1 : o.gpuCount();
      parts.add(count + "x " + (present(o.gpuName()) ? o.gpuName().trim() : "GPU"));
    }
    if (o.processorCores() != null) {
      parts.add(o.processorCores() + "c");
    }
    if (present(o.memoryAmount())) {
      parts.add(o.memoryAmount().trim());
    }
    if (present(o.totalSsdCapacity())) {
      parts.add(withKind(o.totalSsdCapacity(), "SSD"));
    }
    if (present(o.totalHddCapacity())) {
      parts.add(withKind(o.totalHddCapacity(), "HDD"));
    }
    return String.join(", ", parts);
  }

  /** {@code 480 GB SSD}; a provider's {@code 2 x 480 GB SSD} is not made {@code SSD SSD}. */
  static String withKind(String capacity, String kind) {
    String c = capacity.trim();
    return containsWord(c, kind) ? c : c + " " + kind;
  }

  /** Whether {@code text} has {@code word} as a whole word, case aside. */
  public static boolean containsWord(String text, String word) {
    for (String w : text.split("[^A-Za-z0-9]+", -1)) {
      if (w.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
