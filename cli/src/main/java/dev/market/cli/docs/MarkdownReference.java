package dev.market.cli.docs;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** {@code docs/cli.md}: every command's {@code --help}, in one page with a table of contents. */
final class MarkdownReference {
  private MarkdownReference() {}

  static String render(List<CommandLine> commands) {
    StringBuilder md = new StringBuilder();
    md.append("# market command reference\n\n")
        .append("<!-- Generated from the command tree by dev.market.cli.docs.GenerateDocs;")
        .append(" do not edit. Refresh with: ")
        .append(GenerateDocs.REGEN_COMMAND)
        .append(" -->\n\n")
        .append("Each section is the command's `--help`. Man pages with the same content are in")
        .append(" `docs/man/`, shell completions in `completions/`.\n\n");
    for (CommandLine cmd : commands) {
      String name = CommandDocs.name(cmd);
      md.append("  ".repeat(depth(name)))
          .append("- [")
          .append(name)
          .append("](#")
          .append(name.replace(' ', '-'))
          .append(") ")
          .append(CommandDocs.summary(cmd.getCommandSpec()))
          .append('\n');
    }
    for (CommandLine cmd : commands) {
      String name = CommandDocs.name(cmd);
      md.append("\n## ")
          .append(name)
          .append("\n\n```text\n")
          .append(cmd.getUsageMessage(Help.Ansi.OFF).stripTrailing())
          .append("\n```\n");
    }
    return md.toString();
  }

  private static int depth(String name) {
    return name.split(" ").length - 1;
  }
}
