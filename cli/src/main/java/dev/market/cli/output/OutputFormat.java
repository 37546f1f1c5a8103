package dev.market.cli.output;

import dev.market.cli.CliException;
import java.util.Locale;

/** {@code -o/--output}: how results are printed on stdout. */
public enum OutputFormat {
  /** Human-readable table or detail view; fits the terminal. */
  TABLE,
  /** The CLI's JSON language (docs/json.md: snake_case, ISO times), and nothing else. */
  JSON,
  /** One id per line, for pipes. */
  IDS;

  /**
   * The format {@code -o/--output} names, case-insensitive.
   *
   * @throws CliException (exit 2) naming the accepted values
   */
  public static OutputFormat parse(String raw) {
    return parse(raw, "--output", "-o table, -o json or -o ids");
  }

  /**
   * The format named {@code raw}, case-insensitive.
   *
   * @param what where the value comes from, to name it in the error ({@code config set output})
   * @param hint what to run or pass instead
   * @throws CliException (exit 2) naming the accepted values
   */
  public static OutputFormat parse(String raw, String what, String hint) {
    String v = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(v)) {
        return f;
      }
    }
    throw CliException.usage(what + ": '" + raw + "' is not one of table, json, ids", hint);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
