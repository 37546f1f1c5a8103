package dev.market.cli;

import dev.market.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options every command accepts, in their own help section ("Global options:"). {@link Cli}
 * adds a fresh group of them to each command it builds (but one the arguments only pass through on
 * the way to its subcommand, which is given none and prints no help). They are built here, not
 * declared with {@code @Option} on a class each command holds as an {@code @ArgGroup}: picocli read
 * those eight annotations again for every command a run built (three for {@code market offerings
 * list}), and reading an annotation is parsing its class-file bytes and making a proxy, the largest
 * cost the command had beyond the stack floor. Each setter records only what was actually given
 * into the one {@link CliContext.Flags} of the run; precedence (flag, environment, config, default)
 * is resolved in the context.
 */
public final class GlobalOptions {
  /** The section's heading; CommandDocs finds the global options by its words. */
  private static final String HEADING = "%nGlobal options:%n";

  private GlobalOptions() {}

  /** A new group of the global options, writing to {@code flags}. */
  static ArgGroupSpec group(CliContext.Flags flags) {
    // validate = false: every option in it is optional and independent; a group only for its
    // section
    ArgGroupSpec.Builder group =
        ArgGroupSpec.builder().heading(HEADING).order(1000).validate(false).exclusive(false);
    for (OptionSpec o : options(flags)) {
      group.addArg(o);
    }
    return group.build();
  }

  /**
   * The global options, writing to {@code flags}, as plain options: for a command that prints no
   * help in this run, since the group exists only for its help section, and picocli matches a
   * group's options through a match container whose synopsis text it builds for a debug line (about
   * 2.5 ms of cpu a run on JDK 25, async-profiler). Optional, independent options parse the same in
   * a group or out of one.
   */
  static List<OptionSpec> options(CliContext.Flags flags) {
    List<OptionSpec> options = new ArrayList<>(8);
    options.add(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .type(boolean.class)
            .description("Show this help and exit.")
            .setter(new Setter(flags, Setter.NONE))
            .build());
    options.add(
        valued("--api-url", "URL", flags, Setter.API_URL)
            .description(
                "Marketplace API root (env MARKET_API_URL, config api-url; default the local"
                    + " server, port 8787).")
            .build());
    options.add(
        valued("--profile", "NAME", flags, Setter.PROFILE)
            .description(
                "Named marketplace (API URL and identity) from 'market config profile'. Env"
                    + " MARKET_PROFILE, config profile.")
            .build());
    options.add(
        valued("--identity", "NAME", flags, Setter.IDENTITY)
            .description("Identity to sign with. Env MARKET_IDENTITY, config identity.")
            .build());
    options.add(
        OptionSpec.builder("-o", "--output")
            .paramLabel("FORMAT")
            .type(String.class)
            .completionCandidates(outputFormats())
            .description("table, json (docs/json.md) or ids (one per line).")
            .setter(new Setter(flags, Setter.OUTPUT))
            .build());
    options.add(flag("--debug", "Show stack traces of errors.", flags, Setter.DEBUG));
    options.add(
        flag("--no-color", "No colours (also when NO_COLOR is set).", flags, Setter.NO_COLOR));
    options.add(
        flag(
            "--dry-run",
            "Print the signed HTTP request that would be sent, and send nothing.",
            flags,
            Setter.DRY_RUN));
    return options;
  }

  private static OptionSpec.Builder valued(
      String name, String label, CliContext.Flags flags, int which) {
    return OptionSpec.builder(name)
        .paramLabel(label)
        .type(String.class)
        .setter(new Setter(flags, which));
  }

  private static OptionSpec flag(
      String name, String description, CliContext.Flags flags, int which) {
    return OptionSpec.builder(name)
        .type(boolean.class)
        .description(description)
        .setter(new Setter(flags, which))
        .build();
  }

  /** What the generated shell completions offer after {@code -o}. */
  static List<String> outputFormats() {
    List<String> names = new ArrayList<>();
    for (OutputFormat f : OutputFormat.values()) {
      names.add(f.toString());
    }
    return names;
  }

  /**
   * Records a given value in the run's flags. picocli also calls a setter with the option's initial
   * value (null, false) before it parses, so only a value that was given is recorded: each command
   * of a run has its own group, and a later command's reset must not undo an earlier one's option.
   * One class, not a lambda per option: on JDK 17 each lambda spins a class at start-up.
   */
  private static final class Setter implements ISetter {
    static final int NONE = 0;
    static final int API_URL = 1;
    static final int PROFILE = 2;
    static final int IDENTITY = 3;
    static final int OUTPUT = 4;
    static final int DEBUG = 5;
    static final int NO_COLOR = 6;
    static final int DRY_RUN = 7;

    private final CliContext.Flags flags;
    private final int which;

    Setter(CliContext.Flags flags, int which) {
      this.flags = flags;
      this.which = which;
    }

    @Override
    public <T> T set(T value) {
      if (value == null || Boolean.FALSE.equals(value)) {
        return null;
      }
      switch (which) {
        case API_URL -> flags.apiUrl = (String) value;
        case PROFILE -> flags.profile = (String) value;
        case IDENTITY -> flags.identity = (String) value;
        case OUTPUT -> flags.output = (String) value;
        case DEBUG -> flags.debug = true;
        case NO_COLOR -> flags.noColor = true;
        case DRY_RUN -> flags.dryRun = true;
        default -> {}
      }
      return null;
    }
  }
}
