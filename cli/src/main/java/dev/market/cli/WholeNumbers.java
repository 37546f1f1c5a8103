package dev.market.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Counts, ids and hours: "not a whole number", not picocli's "'1.5' is not a long". */
final class WholeNumbers {
  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,18}");

  /** {@link #toLong} as picocli's converter (a class: a method reference spins one per run). */
  static final ITypeConverter<Long> LONG =
      new ITypeConverter<>() {
        @Override
        public Long convert(String value) {
          return toLong(value);
        }
      };

  /** {@link #toInt} as picocli's converter. */
  static final ITypeConverter<Integer> INT =
      new ITypeConverter<>() {
        @Override
        public Integer convert(String value) {
          return toInt(value);
        }
      };

  private WholeNumbers() {}

  static long toLong(String value) {
    String v = value == null ? "" : value.trim();
    if (!DIGITS.matcher(v).matches()) {
      throw bad(value);
    }
    return Long.parseLong(v);
  }

  static int toInt(String value) {
    long n = toLong(value);
    if (n != (int) n) {
      throw bad(value);
    }
    return (int) n;
  }

  private static TypeConversionException bad(String value) {
    return new TypeConversionException("'" + value + "' is not a whole number");
  }
}
