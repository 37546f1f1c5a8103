package dev.market.cli.docs;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The fish completion script. picocli generates only bash, so this walks the command tree: one
 * {@code complete} line per subcommand and per option, conditioned on the subcommand path typed so
 * far (computed by a small function, so {@code list} under {@code offerings} and under {@code
 * config} complete differently).
 */
final class FishCompletion {
  private FishCompletion() {}

  static String render(CommandLine root) {
    List<CommandLine> all = GenerateDocs.commands(root);
    StringBuilder f = new StringBuilder();
    f.append("# fish completion for market\n")
        .append("# Generated from the command tree by dev.market.cli.docs.GenerateDocs;")
        .append(" do not edit.\n")
        .append("# Refresh with: ")
        .append(GenerateDocs.REGEN_COMMAND)
        .append("\n# Install: copy to ~/.config/fish/completions/market.fish\n\n");

    f.append("set -g __market_commands");
    for (CommandLine cmd : all) {
      if (cmd != root) {
        f.append(' ').append(quote(path(cmd)));
      }
    }
    f.append("\n\n");
    f.append(
        """
        # The subcommand path typed so far: '' at the top, then e.g. 'offerings list'.
        function __market_path
            set -l tokens (commandline -opc)
            set -e tokens[1]
            set -l path ''
            for token in $tokens
                set -l next (string trim -- "$path $token")
                if contains -- $next $__market_commands
                    set path $next
                end
            end
            echo $path
        end

        function __market_at
            set -l path (__market_path)
            test "$path" = "$argv[1]"
        end

        # Only options and subcommands unless an option takes a file.
        complete -c market -f

        """);

    f.append("# Global options, accepted by every command\n");
    for (OptionSpec o : CommandDocs.globalOptions(root.getCommandSpec())) {
      f.append(option("", o)).append('\n');
    }
    for (CommandLine cmd : all) {
      CommandSpec spec = cmd.getCommandSpec();
      List<CommandLine> subs = cmd.getSubcommands().values().stream().distinct().toList();
      List<OptionSpec> own = CommandDocs.ownOptions(spec);
      boolean hasCandidates =
          CommandDocs.positionals(spec).stream().anyMatch(p -> p.completionCandidates() != null);
      if (subs.isEmpty() && own.isEmpty() && !hasCandidates) {
        continue;
      }
      String at = condition(path(cmd));
      f.append('\n').append("# ").append(CommandDocs.name(cmd)).append('\n');
      for (CommandLine sub : subs) {
        f.append("complete -c market -n ")
            .append(at)
            .append(" -a ")
            .append(quote(sub.getCommandName()))
            .append(" -d ")
            .append(quote(CommandDocs.summary(sub.getCommandSpec())))
            .append('\n');
      }
      for (OptionSpec o : own) {
        f.append(option(at, o)).append('\n');
      }
      for (PositionalParamSpec p : CommandDocs.positionals(spec)) {
        List<String> candidates = new java.util.ArrayList<>();
        if (p.completionCandidates() != null) {
          p.completionCandidates().forEach(candidates::add);
        }
        if (!candidates.isEmpty()) {
          f.append("complete -c market -n ")
              .append(at)
              .append(" -a ")
              .append(quote(String.join(" ", candidates)))
              .append('\n');
        }
      }
    }
    return f.toString();
  }

  private static String option(String condition, OptionSpec o) {
    StringBuilder line = new StringBuilder("complete -c market");
    if (!condition.isEmpty()) {
      line.append(" -n ").append(condition);
    }
    for (String name : o.names()) {
      if (name.startsWith("--")) {
        line.append(" -l ").append(name.substring(2));
      } else if (name.length() == 2) {
        line.append(" -s ").append(name.substring(1));
      } else {
        line.append(" -o ").append(name.substring(1));
      }
    }
    if (CommandDocs.takesValue(o)) {
      List<String> candidates = CommandDocs.candidates(o);
      if (!candidates.isEmpty()) {
        line.append(" -x -a ").append(quote(String.join(" ", candidates)));
      } else if (CommandDocs.takesFile(o)) {
        line.append(" -r -F");
      } else {
        line.append(" -x");
      }
    }
    String summary = CommandDocs.summary(o);
    if (!summary.isEmpty()) {
      line.append(" -d ").append(quote(summary));
    }
    return line.toString();
  }

  /** {@code offerings list}: the words after {@code market}. */
  private static String path(CommandLine cmd) {
    return CommandDocs.name(cmd).replaceFirst("^market ?", "");
  }

  private static String condition(String path) {
    return "\"__market_at '" + path + "'\"";
  }

  /** A single-quoted fish string. */
  static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
