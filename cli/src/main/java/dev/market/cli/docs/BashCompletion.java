package dev.market.cli.docs;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash completion script, by picocli's generator. picocli lists options in the order reflection
 * found them, which for annotated methods differs from one JVM run to the next; the generator is
 * therefore given a copy of the tree with its options sorted, so the script is reproducible.
 *
 * <p>A contract or offering id completes from the user's own ones, asked of the marketplace when
 * TAB is pressed on that argument ({@link #IDS}): picocli's script knows only fixed candidates, so
 * the copy carries a marker that {@link #render} turns into the command that lists them.
 */
final class BashCompletion {
  private BashCompletion() {}

  /**
   * For each command's id argument, the commands that list the ids it takes (with the user's own
   * identity, api url and profile, as any other run); their errors are never shown while
   * completing.
   */
  static final Map<String, String> IDS =
      Map.ofEntries(
          Map.entry("status", "market rentals -o ids; market contracts -o ids"),
          Map.entry("events", "market rentals -o ids; market contracts -o ids"),
          Map.entry("cancel", "market rentals -o ids"),
          Map.entry("connect", "market rentals -o ids"),
          Map.entry("credentials", "market rentals -o ids"),
          Map.entry("extend", "market rentals -o ids"),
          Map.entry("auto-renew", "market rentals -o ids"),
          Map.entry("review", "market rentals -o ids"),
          Map.entry("accept", "market requests -o ids"),
          Map.entry("reject", "market requests -o ids"),
          Map.entry("provision", "market contracts -o ids"),
          Map.entry("contracts", "market contracts -o ids"),
          Map.entry("rent", "market offerings list -o ids"),
          Map.entry("offerings show", "market offerings list -o ids"),
          Map.entry("offerings update", "market offerings mine -o ids"),
          Map.entry("offerings delete", "market offerings mine -o ids"));

  private static final String MARKER = "@market-ids@";

  private static final Pattern MARKED_ARRAY =
      Pattern.compile("\\n *local (\\w+)=\\(\"" + Pattern.quote(MARKER) + "([^\"]+)\"\\)[^\\n]*");

  static String render(CommandLine root) {
    String script = AutoComplete.bash("market", sortedCopy(root));
    // every command's function declares its own array, often under the same name: each marker is
    // resolved in the function that declares it, by the first use that follows it
    for (Matcher m = MARKED_ARRAY.matcher(script); m.find(); m = MARKED_ARRAY.matcher(script)) {
      String use = "compReplyArray \"${" + m.group(1) + "[@]}\"";
      int at = script.indexOf(use, m.end());
      if (at < 0) {
        throw new IllegalStateException("picocli's script no longer reads " + m.group(1));
      }
      // unquoted: each listed id is one word
      String lister = "compReplyArray $( { " + IDS.get(m.group(2)) + "; } 2>/dev/null )";
      script =
          script.substring(0, m.start())
              + script.substring(m.end(), at)
              + lister
              + script.substring(at + use.length());
    }
    return script;
  }

  private static CommandLine sortedCopy(CommandLine cmd) {
    CommandSpec src = cmd.getCommandSpec();
    CommandSpec copy = CommandSpec.create().name(src.name()).aliases(src.aliases());
    copy.usageMessage().description(src.usageMessage().description());
    for (OptionSpec o : CommandDocs.options(src)) {
      if (CommandDocs.takesFile(o)) {
        // picocli's script completes file names for File-typed options only (--ssh-key FILE);
        // a builder copied from the option would keep its String type, so this one is new
        copy.addOption(
            OptionSpec.builder(o.names())
                .paramLabel(o.paramLabel())
                .arity(o.arity().toString())
                .description(o.description())
                .type(File.class)
                .build());
      } else {
        copy.addOption(OptionSpec.builder(o).build());
      }
    }
    String path = src.qualifiedName().replaceFirst("^market ?", "");
    for (PositionalParamSpec p : CommandDocs.positionals(src)) {
      PositionalParamSpec.Builder b = PositionalParamSpec.builder(p);
      if (p.index().min() == 0 && IDS.containsKey(path)) {
        b.completionCandidates(List.of(MARKER + path));
      }
      copy.addPositional(b.build());
    }
    CommandLine c = new CommandLine(copy);
    cmd.getSubcommands().values().stream()
        .distinct()
        .forEach(sub -> c.addSubcommand(sub.getCommandName(), sortedCopy(sub)));
    return c;
  }
}
