package dev.market.cli.docs;

import dev.market.cli.Cli;
import dev.market.cli.CliContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code PrecomputeHelp CLASSES_DIR}: renders {@code market --help} through the command tree, plain
 * and in colour, into {@code dev/market/cli/help/} under {@code CLASSES_DIR}, where {@code market
 * --help} reads it instead of building the tree, and the top-level command table (names to class
 * names) {@code Cli} reads instead of every command's annotations. The build runs it at
 * process-classes, so the jar always carries the help and table of its own commands.
 */
public final class PrecomputeHelp {
  private PrecomputeHelp() {}

  public static void main(String... args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PrecomputeHelp CLASSES_DIR");
    }
    Path dir = Path.of(args[0], "dev", "market", "cli", "help");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("market.txt"), treeHelp(false), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("market.ansi.txt"), treeHelp(true), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("commands.txt"), commandTable(), StandardCharsets.UTF_8);
  }

  /**
   * {@link Cli#COMMAND_TABLE}'s text, from the whole tree: one {@code words TAB class} line per
   * command, alias and subcommand ({@code offerings list}).
   */
  public static String commandTable() {
    StringBuilder b = new StringBuilder();
    Cli.commandTable(new Cli(context(new StringWriter(), false)).commandLine())
        .forEach((words, cls) -> b.append(words).append('\t').append(cls).append('\n'));
    return b.toString();
  }

  /** What the full tree prints for {@code market --help}, on a terminal or not. */
  public static String treeHelp(boolean terminal) {
    StringWriter out = new StringWriter();
    CliContext ctx = context(out, terminal);
    int code = new Cli(ctx).commandLine().execute("--help");
    if (code != 0) {
      throw new IllegalStateException("market --help exited " + code);
    }
    ctx.out().flush();
    return out.toString();
  }

  private static CliContext context(StringWriter out, boolean terminal) {
    return CliContext.builder()
        .out(new PrintWriter(out))
        .err(new PrintWriter(new StringWriter()))
        .in(new ByteArrayInputStream(new byte[0]))
        .env(Map.of())
        .terminal(new GenerateDocs.NoTerminal(terminal))
        .build();
  }
}
