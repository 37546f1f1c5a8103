package dev.market.cli.docs;

import java.io.File;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash completion script, by picocli's generator. picocli lists options in the order reflection
 * found them, which for annotated methods differs from one JVM run to the next; the generator is
 * therefore given a copy of the tree with its options sorted, so the script is reproducible.
 */
final class BashCompletion {
  private BashCompletion() {}

  static String render(CommandLine root) {
    return AutoComplete.bash("market", sortedCopy(root));
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
    for (PositionalParamSpec p : CommandDocs.positionals(src)) {
      copy.addPositional(PositionalParamSpec.builder(p).build());
    }
    CommandLine c = new CommandLine(copy);
    cmd.getSubcommands().values().stream()
        .distinct()
        .forEach(sub -> c.addSubcommand(sub.getCommandName(), sortedCopy(sub)));
    return c;
  }
}
