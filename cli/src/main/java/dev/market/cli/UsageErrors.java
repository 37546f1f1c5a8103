package dev.market.cli;

import dev.market.cli.commands.CommandNames;
import dev.market.protocol.crypto.Bip39;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors that never repeat what the user typed when it could be a secret (issue 13): a seed
 * phrase pasted as arguments ({@code market identity import alice ice mandate ...}) must not land
 * on stderr, where CI logs keep it. Unexpected arguments are counted, not listed; an unknown option
 * is named only when it is a bare option name; any other long or spaced value is replaced.
 */
final class UsageErrors {
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z0-9][A-Za-z0-9-]{0,39}");
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-[0-9][0-9.]*");

  /** Values this long (or with spaces) are never echoed: a key, a phrase, a password. */
  private static final int MAX_ECHOED_VALUE = 16;

  private UsageErrors() {}

  /** The one {@code error:} line's text, without the prefix. */
  static String message(ParameterException ex, String[] args) {
    UnknownCommand unknown = unknownCommand(ex);
    if (unknown != null) {
      return CommandNames.unknown(unknown.parent(), unknown.word()).getMessage();
    }
    // an unknown option is the error to report, even when picocli first tripped over the word
    // after it (offerings show --password s3cret: 's3cret' is not a whole number): that word may
    // be the option's value, a secret, and is never repeated
    List<Stray> strays =
        strays(
            ex.getCommandLine(),
            ex instanceof UnmatchedArgumentException u
                ? u.getUnmatched()
                : args == null ? List.of() : List.of(args));
    if (!strays.isEmpty()) {
      return unknownOptions(strays);
    }
    if (ex instanceof UnmatchedArgumentException u) {
      return unmatched(u);
    }
    String m = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
    if (ex.getArgSpec() != null && ex.getCause() != null) {
      // picocli's "Invalid value for option '--hours': '1.5' is not a long", or a converter's
      // exception class and stack-trace words: say which option, and what it takes
      m =
          label(ex.getArgSpec())
              + ": "
              + (ex.getCause() instanceof TypeConversionException t
                  ? t.getMessage()
                  : "'" + ex.getValue() + "' is not a valid " + label(ex.getArgSpec()));
    }
    m = m.replaceFirst("^Error: ", "");
    if (ex.getValue() != null && isSeedWord(ex.getValue())) {
      // a pasted phrase's words land in number and duration options too: 'abandon' is not shown
      m = m.replace("'" + ex.getValue() + "'", "the value (not shown)");
    }
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
    UnknownCommand unknown = unknownCommand(ex);
    if (unknown != null) {
      return CommandNames.hint(unknown.parent(), unknown.word());
    }
    CommandLine cmd = ex.getCommandLine();
    CommandSpec spec = cmd.getCommandSpec();
    String name = spec.qualifiedName();
    boolean valueGiven =
        ex instanceof UnmatchedArgumentException u
            && (!positional(u).isEmpty()
                || strays(cmd, u.getUnmatched()).stream().anyMatch(Stray::valued));
    if (valueGiven) {
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

  /** An option the command does not know; {@code valued} when a word or {@code =value} follows. */
  private record Stray(String name, boolean valued) {}

  /**
   * The unknown options among {@code tokens}: words starting with {@code -} that name no option of
   * the command or its parents. The value of a known option is skipped, so {@code --memo -x} is not
   * taken for an unknown {@code -x}.
   */
  private static List<Stray> strays(CommandLine cmd, List<String> tokens) {
    List<Stray> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t == null || t.length() < 2 || !t.startsWith("-") || t.equals("--")) {
        continue;
      }
      if (NEGATIVE_NUMBER.matcher(t).matches()) {
        continue;
      }
      int eq = t.indexOf('=');
      String name = eq < 0 ? t : t.substring(0, eq);
      OptionSpec known = findOption(cmd, name);
      if (known == null && !t.startsWith("--") && eq < 0 && t.length() > 2) {
        // a cluster of short options (-yo json): known when its first one is
        known = findOption(cmd, t.substring(0, 2));
      }
      if (known != null) {
        if (eq < 0 && known.arity().min() > 0) {
          i++;
        }
        continue;
      }
      boolean next = i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("-");
      found.add(new Stray(name, eq >= 0 || next));
    }
    return found;
  }

  private static OptionSpec findOption(CommandLine cmd, String name) {
    for (CommandLine c = cmd; c != null; c = c.getParent()) {
      OptionSpec o = c.getCommandSpec().findOption(name);
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  private static String unknownOptions(List<Stray> strays) {
    boolean bareNames =
        strays.size() <= 3
            && strays.stream().allMatch(s -> OPTION_NAME.matcher(s.name()).matches());
    if (!bareNames) {
      return "unknown options (not repeated here: they may hold a secret)";
    }
    String names = String.join(", ", strays.stream().map(s -> "'" + s.name() + "'").toList());
    String m = (strays.size() == 1 ? "Unknown option: " : "Unknown options: ") + names;
    if (strays.stream().anyMatch(Stray::valued)) {
      m +=
          strays.size() == 1
              ? " (what follows it is not repeated here: it may be a secret)"
              : " (what follows them is not repeated here: it may be a secret)";
    }
    return m;
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
    int n = u.getUnmatched().size();
    return spec.qualifiedName()
        + ": "
        + n
        + (n == 1 ? " unexpected argument" : " unexpected arguments")
        + " (not repeated here: they may be a seed phrase, a key or a password)";
  }

  private record UnknownCommand(CommandSpec parent, String word) {}

  /**
   * The first word that is not a command where a command was expected. {@code market auth status}
   * parses {@code status} as the command and fails on its missing CONTRACT-ID before picocli
   * reports {@code auth}: the word left unmatched by a command with subcommands is the real error.
   */
  private static UnknownCommand unknownCommand(ParameterException ex) {
    UnknownCommand found = null;
    for (CommandLine c = ex.getCommandLine(); c != null; c = c.getParent()) {
      if (c.getSubcommands().isEmpty()) {
        continue;
      }
      List<String> unmatched =
          c == ex.getCommandLine() && ex instanceof UnmatchedArgumentException u
              ? u.getUnmatched()
              : c.getParseResult() == null ? List.of() : c.getParseResult().unmatched();
      // exactly one stray word, nothing else: several may be a pasted seed phrase (issue 13),
      // and only a missing argument later (auth status) is explained by it
      boolean explains =
          c == ex.getCommandLine() || ex instanceof CommandLine.MissingParameterException;
      if (explains && unmatched.size() == 1 && CommandNames.looksLikeCommand(unmatched.get(0))) {
        found = new UnknownCommand(c.getCommandSpec(), unmatched.get(0));
      }
    }
    return found;
  }

  private static String label(ArgSpec arg) {
    if (arg instanceof OptionSpec o) {
      return o.longestName();
    }
    return arg.paramLabel();
  }

  private static List<String> positional(UnmatchedArgumentException u) {
    return u.getUnmatched().stream().filter(s -> !s.startsWith("-") || s.length() == 1).toList();
  }

  /** A word of the BIP39 list: it could be part of a seed phrase, so no message repeats it. */
  private static boolean isSeedWord(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return Collections.binarySearch(Bip39.wordlist(), v) >= 0;
  }

  private static boolean isSafeToEcho(String value) {
    return value.length() <= MAX_ECHOED_VALUE && value.chars().noneMatch(Character::isWhitespace);
  }
}
