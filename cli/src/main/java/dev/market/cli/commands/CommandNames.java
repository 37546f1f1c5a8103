package dev.market.cli.commands;

import dev.market.cli.CliException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/** Unknown command words: named back only when they look like a command, with a did-you-mean. */
public final class CommandNames {
  /** Only a word like this is echoed back: anything else may be a pasted secret (issue 13). */
  private static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z0-9-]{0,19}");

  private CommandNames() {}

  public static boolean looksLikeCommand(String word) {
    return word != null && COMMAND_WORD.matcher(word).matches();
  }

  /** The usage error (exit 2) for {@code word} under {@code parent}, with a did-you-mean hint. */
  public static CliException unknown(CommandSpec parent, String word) {
    String name = parent.qualifiedName();
    String message =
        looksLikeCommand(word)
            ? name + ": unknown command '" + word + "'"
            : name + ": unknown command (not repeated here: it may hold a secret)";
    return CliException.usage(message, hint(parent, word));
  }

  /** {@code did you mean: market status} when one is close, else the parent's help. */
  public static String hint(CommandSpec parent, String word) {
    List<String> close = suggestions(parent, word);
    if (close.isEmpty()) {
      return parent.qualifiedName() + " --help";
    }
    return "did you mean: "
        + String.join(" or ", close.stream().map(c -> parent.qualifiedName() + " " + c).toList())
        + "   ("
        + parent.qualifiedName()
        + " --help lists the commands)";
  }

  /** The closest subcommands, within edit distance 2 of {@code word}: one guess, rarely two. */
  static List<String> suggestions(CommandSpec parent, String word) {
    if (!looksLikeCommand(word)) {
      return List.of();
    }
    String w = word.toLowerCase(Locale.ROOT);
    List<String> close =
        parent.subcommands().keySet().stream()
            .filter(c -> distance(c, w) <= Math.min(2, c.length() / 3 + 1))
            .sorted(Comparator.comparingInt((String c) -> distance(c, w)).thenComparing(c -> c))
            .toList();
    if (close.isEmpty()) {
      return close;
    }
    int best = distance(close.get(0), w);
    return close.stream().filter(c -> distance(c, w) == best).limit(2).toList();
  }

  /** Optimal string alignment distance: a swap of two neighbours ({@code stauts}) counts once. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
