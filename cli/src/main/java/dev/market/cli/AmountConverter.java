package dev.market.cli;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Amounts on the command line are plain decimals (issue 13): {@code 1e-999999999} is 13 characters,
 * but its plain form, sent as a query parameter, is a gigabyte.
 */
final class AmountConverter implements ITypeConverter<BigDecimal> {
  private static final Pattern PLAIN = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,9})?");

  @Override
  public BigDecimal convert(String value) {
    if (value == null || !PLAIN.matcher(value.trim()).matches()) {
      throw new TypeConversionException(
          "must be a plain amount like 12.50 (at most 9 decimal places, no exponent)");
    }
    return new BigDecimal(value.trim());
  }
}
