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
   * The format named {@code raw}, case-insensitive.
   *
   * @throws CliException (exit 2) naming the accepted values
   */
  public static OutputFormat parse(String raw) {
    String v = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(v)) {
        return f;
      }
    }
    throw CliException.usage(
        "--output: '" + raw + "' is not one of table, json, ids", "market --help");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
