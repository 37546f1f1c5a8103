package dev.market.cli;

import dev.market.cli.output.OutputFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.Option;

/**
 * The options every command accepts, mixed into each one. Each command gets its own instance, so
 * the setters record only what was actually given into the one {@link CliContext.Flags} of the run;
 * precedence (flag, environment, config, default) is resolved in the context.
 */
public final class GlobalOptions {
  private final CliContext.Flags flags;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  public GlobalOptions(CliContext ctx) {
    this.flags = ctx.flags();
  }

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description =
          "Marketplace API root (env MARKET_API_URL, config api-url; default the local"
              + " server, port 8787).")
  void apiUrl(String url) {
    if (url != null) {
      flags.apiUrl = url;
    }
  }

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Named marketplace (API URL and identity) from 'market config profile'. Env"
              + " MARKET_PROFILE, config profile.")
  void profile(String name) {
    if (name != null) {
      flags.profile = name;
    }
  }

  @Option(
      names = "--identity",
      paramLabel = "NAME",
      description = "Identity to sign with. Env MARKET_IDENTITY, config identity.")
  void identity(String name) {
    if (name != null) {
      flags.identity = name;
    }
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      completionCandidates = OutputFormats.class,
      description = "table, json (docs/json.md) or ids (one per line).")
  void output(String format) {
    if (format != null) {
      flags.output = format;
    }
  }

  @Option(names = "--debug", description = "Show stack traces of errors.")
  void debug(boolean on) {
    if (on) {
      flags.debug = true;
    }
  }

  @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set).")
  void noColor(boolean on) {
    if (on) {
      flags.noColor = true;
    }
  }

  @Option(
      names = "--dry-run",
      description = "Print the signed HTTP request that would be sent, and send nothing.")
  void dryRun(boolean on) {
    if (on) {
      flags.dryRun = true;
    }
  }

  /** What the generated shell completions offer after {@code -o}. */
  public static final class OutputFormats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(OutputFormat.values()).map(OutputFormat::toString).iterator();
    }
  }
}
