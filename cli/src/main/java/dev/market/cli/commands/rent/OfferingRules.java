package dev.market.cli.commands.rent;

import dev.market.protocol.model.Offering;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an offering allows a rental, checked before anything is sent or confirmed: the hours the
 * marketplace will accept (docs/protocol.md section 4.4, min_contract_hours..max_contract_hours),
 * the operating systems the provider lists, and whether it is in stock.
 */
final class OfferingRules {
  static final long DEFAULT_HOURS = 720;

  private final Offering offering;

  OfferingRules(Offering offering) {
    this.offering = offering;
  }

  long minHours() {
    Long min = offering.minContractHours();
    return min == null || min < 1 ? 1 : min;
  }

  /** {@code null}: no upper bound. */
  Long maxHours() {
    return offering.maxContractHours();
  }

  boolean hasRange() {
    return offering.minContractHours() != null || offering.maxContractHours() != null;
  }

  /** {@code 24-2160}, or {@code 1-any}. */
  String range() {
    return minHours() + "-" + (maxHours() == null ? "any" : String.valueOf(maxHours()));
  }

  boolean allows(long hours) {
    return hours >= minHours() && (maxHours() == null || hours <= maxHours());
  }

  /** 720 when the offering allows it, else the nearest bound. */
  long defaultHours() {
    if (DEFAULT_HOURS < minHours()) {
      return minHours();
    }
    return maxHours() != null && DEFAULT_HOURS > maxHours() ? maxHours() : DEFAULT_HOURS;
  }

  /** The systems the provider lists (operating_systems is comma-separated), maybe none. */
  List<String> systems() {
    String raw = offering.operatingSystems();
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The provider's spelling of {@code os} when listed (case and spaces aside), else null. */
  String matchSystem(String os) {
    String want = os.strip().toLowerCase(Locale.ROOT);
    return systems().stream()
        .filter(s -> s.toLowerCase(Locale.ROOT).equals(want))
        .findFirst()
        .orElse(null);
  }

  boolean outOfStock() {
    String s = offering.stockStatus();
    return s != null
        && s.strip()
            .toLowerCase(Locale.ROOT)
            .replace('-', '_')
            .replace(' ', '_')
            .equals("out_of_stock");
  }
}
