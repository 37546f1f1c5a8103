package dev.market.server.domain.validation;

import dev.market.server.domain.DomainException;
import dev.market.server.domain.Offering;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stated range of every optional offering field (issue 13, finding 5): a value no rental could
 * satisfy, or one that would be stored altered, is refused naming the field.
 */
public final class OfferingFields {
  /** A hundred years: longer than any contract a marketplace could honour. */
  public static final long MAX_CONTRACT_HOURS = 876_000;

  public static final int MAX_GPU_COUNT = 1_024;
  public static final int MAX_GPU_MEMORY_GB = 1_000_000;
  public static final int MAX_PROCESSOR_CORES = 1_000_000;

  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Za-z0-9]{1,10}");

  private OfferingFields() {}

  public static void check(Offering o) {
    List<DomainException> problems = problems(o);
    if (!problems.isEmpty()) {
      throw DomainException.invalidAll(problems);
    }
  }

  /** Every field out of its range, in field order: a provider fixes them all in one go. */
  public static List<DomainException> problems(Offering o) {
    List<DomainException> problems = new ArrayList<>();
    collect(problems, () -> hours("min_contract_hours", o.minContractHours()));
    collect(problems, () -> hours("max_contract_hours", o.maxContractHours()));
    collect(problems, () -> range("gpu_count", o.gpuCount(), 0, MAX_GPU_COUNT));
    collect(problems, () -> range("gpu_memory_gb", o.gpuMemoryGb(), 0, MAX_GPU_MEMORY_GB));
    collect(problems, () -> range("processor_cores", o.processorCores(), 1, MAX_PROCESSOR_CORES));
    if (o.datacenterCountry() != null
        && !o.datacenterCountry().isBlank()
        && !COUNTRY.matcher(o.datacenterCountry()).matches()) {
      problems.add(
          DomainException.invalid(
              "datacenter_country", "must be an ISO 3166 two-letter country code such as DE"));
    }
    if (o.currency() != null && !CURRENCY.matcher(o.currency()).matches()) {
      problems.add(DomainException.invalid("currency", "must be a currency code such as USD"));
    }
    String[][] shortText = {
      {"processor_brand", o.processorBrand()},
      {"processor_name", o.processorName()},
      {"memory_amount", o.memoryAmount()},
      {"total_ssd_capacity", o.totalSsdCapacity()},
      {"total_hdd_capacity", o.totalHddCapacity()},
      {"uplink_speed", o.uplinkSpeed()},
      {"datacenter_city", o.datacenterCity()},
      {"gpu_name", o.gpuName()},
      {"operating_systems", o.operatingSystems()},
      {"billing_interval", o.billingInterval()},
      {"billing_unit", o.billingUnit()},
      {"stock_status", o.stockStatus()},
      {"visibility", o.visibility()}
    };
    for (String[] f : shortText) {
      collect(problems, () -> Limits.checkChars(f[0], f[1], Limits.SHORT_TEXT_CHARS));
    }
    return problems;
  }

  /** Runs one check, keeping its failure instead of stopping at it. */
  public static void collect(List<DomainException> problems, Runnable check) {
    try {
      check.run();
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.INVALID) {
        throw e;
      }
      problems.add(e);
    }
  }

  private static void hours(String field, Long hours) {
    if (hours != null && hours < 1) {
      throw DomainException.invalid(field, "must be at least 1");
    }
    if (hours != null && hours > MAX_CONTRACT_HOURS) {
      throw DomainException.invalid(
          field, "must be at most " + MAX_CONTRACT_HOURS + " (100 years)");
    }
  }

  private static void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw DomainException.invalid(field, "must be from " + min + " to " + max);
    }
  }
}
