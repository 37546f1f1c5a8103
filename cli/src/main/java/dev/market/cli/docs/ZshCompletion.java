package dev.market.cli.docs;

/**
 * The zsh completion ({@code _market}, for a directory on {@code $fpath}): picocli's bash script,
 * which loads zsh's bash compatibility layer (bashcompinit) itself when it runs under zsh.
 */
final class ZshCompletion {
  private ZshCompletion() {}

  static String render(String bashScript) {
    return "#compdef market\n"
        + "# zsh completion for market: the bash completion run through bashcompinit.\n"
        + "# Generated from the command tree by dev.market.cli.docs.GenerateDocs; do not edit.\n"
        + "# Refresh with: "
        + GenerateDocs.REGEN_COMMAND
        + "\n"
        + "# Install: copy to a directory on $fpath as _market, then run compinit.\n\n"
        + "# zsh has no compopt; the script below only uses it to tweak bash's behaviour, and it\n"
        + "# defines it as an alias too late for the functions autoload has already parsed.\n"
        + "(( $+functions[compopt] )) || compopt() { return 0 }\n\n"
        + bashScript
        + "\n# zsh loaded this file to complete the current word: answer it now too.\n"
        + "_bash_complete -F _complete_market \"$@\"\n";
  }
}
