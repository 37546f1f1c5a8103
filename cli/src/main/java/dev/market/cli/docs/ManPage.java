package dev.market.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A troff man page (section 1) per command, written straight from the command tree: Asciidoctor,
 * which picocli's own man-page generator needs to get from AsciiDoc to troff, is not available to
 * the build. The pages carry no date or version so regenerating an unchanged tree changes nothing.
 */
final class ManPage {
  private ManPage() {}

  /** {@code market-offerings-list.1}. */
  static String fileName(CommandLine cmd) {
    return pageName(cmd) + ".1";
  }

  static String pageName(CommandLine cmd) {
    return CommandDocs.name(cmd).replace(' ', '-');
  }

  static String render(CommandLine cmd, CommandLine root) {
    CommandSpec spec = cmd.getCommandSpec();
    String page = pageName(cmd);
    StringBuilder m = new StringBuilder();
    m.append(".\\\" Generated from the command tree by dev.market.cli.docs.GenerateDocs;")
        .append(" do not edit.\n")
        .append(".\\\" Refresh with: ")
        .append(GenerateDocs.REGEN_COMMAND)
        .append('\n');
    m.append(".TH ")
        .append(escape(page.toUpperCase(Locale.ROOT)))
        .append(" 1 \"\" \"market\" \"market manual\"\n");

    m.append(".SH NAME\n")
        .append(escape(page))
        .append(" \\- ")
        .append(escape(CommandDocs.summary(spec)))
        .append('\n');

    m.append(".SH SYNOPSIS\n.nf\n").append(text(CommandDocs.synopsis(cmd))).append("\n.fi\n");

    List<String> description = CommandDocs.description(spec);
    if (!description.isEmpty()) {
      m.append(".SH DESCRIPTION\n");
      paragraphs(m, description);
    }

    List<PositionalParamSpec> params = CommandDocs.positionals(spec);
    if (!params.isEmpty()) {
      m.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec p : params) {
        m.append(".TP\n").append("\\fI").append(escape(p.paramLabel())).append("\\fR\n");
        paragraphs(m, CommandDocs.description(p.description()));
      }
    }

    boolean isRoot = cmd == root;
    List<OptionSpec> own = CommandDocs.ownOptions(spec);
    if (!own.isEmpty()) {
      m.append(".SH OPTIONS\n");
      // options in an argument group appear under its heading, as in --help
      Map<String, List<OptionSpec>> byHeading = new java.util.LinkedHashMap<>();
      for (OptionSpec o : own) {
        byHeading.computeIfAbsent(heading(o), h -> new ArrayList<>()).add(o);
      }
      List<OptionSpec> plain = byHeading.remove("");
      if (plain != null) {
        options(m, plain);
      }
      for (Map.Entry<String, List<OptionSpec>> g : byHeading.entrySet()) {
        m.append(".SS ").append(escape(g.getKey())).append('\n');
        options(m, g.getValue());
      }
    }
    List<OptionSpec> global = CommandDocs.globalOptions(spec);
    if (!global.isEmpty()) {
      m.append(".SH GLOBAL OPTIONS\n");
      if (isRoot) {
        m.append("Accepted by every command, before or after its name.\n");
        options(m, global);
      } else {
        List<String> names =
            global.stream().map(o -> "\\fB" + escape(o.longestName()) + "\\fR").toList();
        m.append(String.join(", ", names)).append(": see \\fBmarket\\fR(1).\n");
      }
    }

    List<CommandLine> subs = cmd.getSubcommands().values().stream().distinct().toList();
    if (!subs.isEmpty()) {
      m.append(".SH COMMANDS\n");
      for (CommandLine sub : subs) {
        m.append(".TP\n")
            .append("\\fB")
            .append(escape(sub.getCommandName()))
            .append("\\fR\n")
            .append(escape(CommandDocs.summary(sub.getCommandSpec())))
            .append(" See \\fB")
            .append(escape(pageName(sub)))
            .append("\\fR(1).\n");
      }
    }

    Map<String, String> exitCodes = root.getCommandSpec().usageMessage().exitCodeList();
    if (!exitCodes.isEmpty()) {
      m.append(".SH EXIT STATUS\n");
      for (Map.Entry<String, String> e : exitCodes.entrySet()) {
        m.append(".TP\n")
            .append("\\fB")
            .append(escape(e.getKey().strip()))
            .append("\\fR\n")
            .append(escape(e.getValue()))
            .append('\n');
      }
    }

    List<String> examples =
        dev.market.cli.Examples.BY_COMMAND.get(spec.qualifiedName().replaceFirst("^market ?", ""));
    if (examples != null) {
      m.append(".SH EXAMPLES\n");
      for (String e : examples) {
        m.append(".PP\n.nf\n").append(escape(e)).append("\n.fi\n");
      }
    }

    String[] footer = spec.usageMessage().footer();
    if (footer.length > 0) {
      m.append(".SH NOTES\n");
      paragraphs(m, CommandDocs.description(footer));
    }

    List<String> seeAlso = new ArrayList<>();
    if (cmd.getParent() != null) {
      seeAlso.add(pageName(cmd.getParent()));
    }
    subs.forEach(s -> seeAlso.add(pageName(s)));
    if (!isRoot && cmd.getParent() != root) {
      seeAlso.add(pageName(root));
    }
    if (!seeAlso.isEmpty()) {
      m.append(".SH SEE ALSO\n")
          .append(
              String.join(
                  ",\n", seeAlso.stream().map(s -> "\\fB" + escape(s) + "\\fR(1)").toList()))
          .append('\n');
    }
    return m.toString();
  }

  /** The heading of the option's outermost group without its colon, or "" when ungrouped. */
  private static String heading(OptionSpec o) {
    picocli.CommandLine.Model.ArgGroupSpec g = o.group();
    while (g != null && g.parentGroup() != null) {
      g = g.parentGroup();
    }
    if (g == null || g.heading() == null) {
      return "";
    }
    return CommandDocs.format(g.heading()).strip().replaceFirst(":$", "");
  }

  private static void options(StringBuilder m, List<OptionSpec> options) {
    for (OptionSpec o : options) {
      m.append(".TP\n");
      List<String> names = new ArrayList<>();
      for (String n : o.names()) {
        names.add("\\fB" + escape(n) + "\\fR");
      }
      m.append(String.join(", ", names));
      if (CommandDocs.takesValue(o)) {
        m.append("=\\fI").append(escape(o.paramLabel())).append("\\fR");
      }
      m.append('\n');
      paragraphs(m, CommandDocs.description(o.description()));
    }
  }

  /** Each description line is its own line of text; blank lines separate paragraphs. */
  private static void paragraphs(StringBuilder m, List<String> lines) {
    boolean first = true;
    for (String line : lines) {
      if (line.isBlank()) {
        m.append(first ? "" : ".sp\n");
        continue;
      }
      m.append(first ? "" : ".br\n").append(text(line)).append('\n');
      first = false;
    }
  }

  /** A line of running text: escaped, and never mistaken for a request. */
  private static String text(String lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines.split("\n", -1)) {
      String e = escape(line);
      out.add(e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e);
    }
    return String.join("\n", out);
  }

  static String escape(String s) {
    return s.replace("\\", "\\e").replace("-", "\\-");
  }
}
