package dev.market.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout 90s}, {@code 10m}, {@code 1h30m}, {@code 2d} or ISO-8601 {@code PT10M}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("p")) {
      try {
        return positive(Duration.parse(v.toUpperCase(Locale.ROOT)), value);
      } catch (DateTimeParseException e) {
        throw bad(value);
      }
    }
    Matcher m = PART.matcher(v);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      end = m.end();
    }
    if (v.isEmpty() || end != v.length()) {
      throw bad(value);
    }
    return positive(total, value);
  }

  private static Duration positive(Duration d, String raw) {
    if (d.isZero() || d.isNegative()) {
      throw bad(raw);
    }
    return d;
  }

  private static TypeConversionException bad(String raw) {
    return new TypeConversionException(
        "'" + raw + "' is not a duration (e.g. 30s, 10m, 1h30m, 2d)");
  }

  /** {@code 1h30m}, {@code 45s}: how a duration reads back in messages. */
  public static String format(Duration d) {
    long s = d.toSeconds();
    if (s == 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder b = new StringBuilder();
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    if (h > 0) {
      b.append(h).append('h');
    }
    if (m > 0) {
      b.append(m).append('m');
    }
    if (sec > 0 || b.length() == 0) {
      b.append(sec).append('s');
    }
    return b.toString();
  }
}
