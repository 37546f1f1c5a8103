package dev.market.cli;

import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors that never repeat what the user typed when it could be a secret (issue 13): a seed
 * phrase pasted as arguments ({@code market identity import alice ice mandate ...}) must not land
 * on stderr, where CI logs keep it. Unexpected arguments are counted, not listed; an unknown option
 * is named only when it is a bare option name; any other long or spaced value is replaced.
 */
final class UsageErrors {
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z0-9][A-Za-z0-9-]{0,39}");
  private static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z0-9-]{0,19}");

  /** Values this long (or with spaces) are never echoed: a key, a phrase, a password. */
  private static final int MAX_ECHOED_VALUE = 16;

  private UsageErrors() {}

  /** The one {@code error:} line's text, without the prefix. */
  static String message(ParameterException ex, String[] args) {
    if (ex instanceof UnmatchedArgumentException u) {
      return unmatched(u);
    }
    String m = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
    m = m.replaceFirst("^Error: ", "");
    if (args != null) {
      for (String a : args) {
        if (a != null && !a.isEmpty() && !isSafeToEcho(a)) {
          m = m.replace(a, "(value not shown)");
        }
      }
    }
    return m;
  }

  /** The {@code hint:} line: where secrets go instead of the command line. */
  static String hint(ParameterException ex) {
    CommandLine cmd = ex.getCommandLine();
    CommandSpec spec = cmd.getCommandSpec();
    String name = spec.qualifiedName();
    if (ex instanceof UnmatchedArgumentException u && !positional(u).isEmpty()) {
      if (name.endsWith(" identity import")) {
        return "a seed phrase is never an argument: run "
            + name
            + " NAME and type it at the no-echo prompt, or pipe it: "
            + name
            + " NAME < phrase.txt";
      }
      if (spec.findOption("--password-stdin") != null) {
        return "pass passwords on stdin with --password-stdin, never as arguments; see "
            + name
            + " --help";
      }
    }
    return name + " --help";
  }

  private static String unmatched(UnmatchedArgumentException u) {
    CommandSpec spec = u.getCommandLine().getCommandSpec();
    List<String> positional = positional(u);
    List<String> options =
        u.getUnmatched().stream().filter(s -> s.startsWith("-") && s.length() > 1).toList();
    if (positional.isEmpty()) {
      boolean bareNames = options.stream().allMatch(o -> OPTION_NAME.matcher(o).matches());
      if (bareNames && options.size() <= 3) {
        return (options.size() == 1 ? "Unknown option: " : "Unknown options: ")
            + String.join(", ", options.stream().map(o -> "'" + o + "'").toList());
      }
      return "unknown options (not repeated here: they may hold a secret)";
    }
    if (positional.size() == 1
        && options.isEmpty()
        && !spec.subcommands().isEmpty()
        && COMMAND_WORD.matcher(positional.get(0)).matches()) {
      return spec.qualifiedName() + ": unknown command '" + positional.get(0) + "'";
    }
    int n = u.getUnmatched().size();
    return spec.qualifiedName()
        + ": "
        + n
        + (n == 1 ? " unexpected argument" : " unexpected arguments")
        + " (not repeated here: they may be a seed phrase, a key or a password)";
  }

  private static List<String> positional(UnmatchedArgumentException u) {
    return u.getUnmatched().stream().filter(s -> !s.startsWith("-") || s.length() == 1).toList();
  }

  private static boolean isSafeToEcho(String value) {
    return value.length() <= MAX_ECHOED_VALUE && value.chars().noneMatch(Character::isWhitespace);
  }
}
