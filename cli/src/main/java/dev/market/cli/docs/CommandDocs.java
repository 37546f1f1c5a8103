package dev.market.cli.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** What every generator reads from a command: its words, description, options and arguments. */
final class CommandDocs {
  static final String GLOBAL_HEADING = "Global options";

  private CommandDocs() {}

  /** {@code market offerings list}. */
  static String name(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName();
  }

  /** The description's lines with picocli's {@code %n} applied. */
  static List<String> description(CommandSpec spec) {
    List<String> lines = new ArrayList<>();
    for (String d : spec.usageMessage().description()) {
      lines.addAll(Arrays.asList(format(d).split("\n", -1)));
    }
    return lines;
  }

  /** The first line of the description: a command's summary in lists. */
  static String summary(CommandSpec spec) {
    List<String> d = description(spec);
    return d.isEmpty() ? "" : d.get(0);
  }

  /** The first line of an option's description. */
  static String summary(OptionSpec opt) {
    String[] d = opt.description();
    return d.length == 0 ? "" : format(d[0]).split("\n", -1)[0];
  }

  /** An option's or parameter's whole description as one paragraph per line. */
  static List<String> description(String[] description) {
    List<String> lines = new ArrayList<>();
    for (String d : description) {
      lines.addAll(Arrays.asList(format(d).split("\n", -1)));
    }
    return lines;
  }

  /** picocli's description strings are format strings; only {@code %n} and {@code %%} occur. */
  static String format(String s) {
    return s.replace("%n", "\n").replace("%%", "%");
  }

  /** Options shown in help, sorted like picocli's help: by their first long-ish name. */
  static List<OptionSpec> options(CommandSpec spec) {
    return spec.options().stream()
        .filter(o -> !o.hidden())
        .sorted(Comparator.comparing(CommandDocs::sortKey))
        .toList();
  }

  /** The command's own options (not the global ones shared by every command). */
  static List<OptionSpec> ownOptions(CommandSpec spec) {
    return options(spec).stream().filter(o -> !isGlobal(o)).toList();
  }

  static List<OptionSpec> globalOptions(CommandSpec spec) {
    return options(spec).stream().filter(CommandDocs::isGlobal).toList();
  }

  static boolean isGlobal(OptionSpec o) {
    ArgGroupSpec g = o.group();
    while (g != null && g.parentGroup() != null) {
      g = g.parentGroup();
    }
    return g != null && g.heading() != null && g.heading().contains(GLOBAL_HEADING);
  }

  private static String sortKey(OptionSpec o) {
    return o.shortestName().replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT)
        + " "
        + o.longestName();
  }

  static List<PositionalParamSpec> positionals(CommandSpec spec) {
    return spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
  }

  /** {@code -o, --output=FORMAT}. */
  static String label(OptionSpec o) {
    String names = String.join(", ", o.names());
    return takesValue(o) ? names + "=" + o.paramLabel() : names;
  }

  static boolean takesValue(OptionSpec o) {
    return o.arity().max() > 0;
  }

  /** The candidates of an enum-like option, or empty. */
  static List<String> candidates(OptionSpec o) {
    List<String> c = new ArrayList<>();
    if (o.completionCandidates() != null) {
      o.completionCandidates().forEach(c::add);
    }
    return c;
  }

  /** {@code market offerings list [OPTIONS]}: the abbreviated synopsis, without "Usage: ". */
  static String synopsis(CommandLine cmd) {
    Help help = cmd.getHelp();
    return help.synopsis(0).strip();
  }

  /** Whether an option's value is a file name: its type, or FILE in its label. */
  static boolean takesFile(OptionSpec o) {
    Class<?> type = o.type();
    return type == java.nio.file.Path.class
        || type == java.io.File.class
        || o.paramLabel().toUpperCase(java.util.Locale.ROOT).contains("FILE");
  }
}
