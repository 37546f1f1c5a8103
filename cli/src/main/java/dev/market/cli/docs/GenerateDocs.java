package dev.market.cli.docs;

import dev.market.cli.Cli;
import dev.market.cli.CliContext;
import dev.market.cli.io.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Generates the shell completions ({@code completions/}), the man pages ({@code docs/man/}) and the
 * command reference ({@code docs/cli.md}) from the command tree, so they can never drift from the
 * commands. The build runs it during {@code process-classes} into {@code target/generated-docs};
 * with {@code -Dmarket.docs.update=true} (what {@code bin/regen-docs} passes) it also replaces the
 * checked-in copies, which a test compares against a fresh generation.
 */
public final class GenerateDocs {
  /** The command that refreshes the checked-in files; named in the up-to-date test's failure. */
  public static final String REGEN_COMMAND = "bin/regen-docs";

  /** The directories, relative to the repository root, whose contents are wholly generated. */
  public static final List<String> GENERATED_DIRS = List.of("completions", "docs/man");

  /** Generated files outside those directories. */
  public static final List<String> GENERATED_FILES = List.of("docs/cli.md");

  private GenerateDocs() {}

  /**
   * {@code GenerateDocs OUT_DIR [UPDATE REPO_ROOT]}: writes every generated file under {@code
   * OUT_DIR}; when {@code UPDATE} is {@code true}, also replaces the checked-in copies under {@code
   * REPO_ROOT} (removing generated files of commands that no longer exist).
   */
  public static void main(String... args) throws IOException {
    if (args.length != 1 && args.length != 3) {
      throw new IllegalArgumentException("usage: GenerateDocs OUT_DIR [true|false REPO_ROOT]");
    }
    Map<String, String> files = generate();
    write(Path.of(args[0]), files, false);
    if (args.length == 3 && Boolean.parseBoolean(args[1])) {
      write(Path.of(args[2]), files, true);
    }
  }

  /** Every generated file: path relative to the repository root → content. */
  public static SortedMap<String, String> generate() {
    CommandLine root = commandTree();
    SortedMap<String, String> files = new TreeMap<>();
    String bash = BashCompletion.render(root);
    files.put("completions/market.bash", bash);
    files.put("completions/_market", ZshCompletion.render(bash));
    files.put("completions/market.fish", FishCompletion.render(root));
    for (CommandLine cmd : commands(root)) {
      files.put("docs/man/" + ManPage.fileName(cmd), ManPage.render(cmd, root));
    }
    files.put("docs/cli.md", MarkdownReference.render(commands(root)));
    return files;
  }

  /** The tree exactly as {@code market} builds it, on a context that can reach nothing. */
  static CommandLine commandTree() {
    CliContext ctx =
        CliContext.builder()
            .out(new PrintWriter(new StringWriter()))
            .err(new PrintWriter(new StringWriter()))
            .in(new ByteArrayInputStream(new byte[0]))
            .env(Map.of())
            .terminal(new NoTerminal(false))
            .build();
    return new Cli(ctx).commandLine();
  }

  /** The root and every subcommand, depth first in declaration order, aliases once. */
  public static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);
    return all;
  }

  private static void collect(CommandLine cmd, List<CommandLine> all) {
    all.add(cmd);
    cmd.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
  }

  private static void write(Path root, Map<String, String> files, boolean prune)
      throws IOException {
    if (prune) {
      for (String dir : GENERATED_DIRS) {
        Path d = root.resolve(dir);
        if (Files.isDirectory(d)) {
          try (Stream<Path> existing = Files.list(d)) {
            for (Path p : existing.toList()) {
              String rel = dir + "/" + p.getFileName();
              if (Files.isRegularFile(p) && !files.containsKey(rel)) {
                Files.delete(p);
              }
            }
          }
        }
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = root.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Generation never prompts and never depends on the terminal it runs on; {@code stdout} only
   * chooses the colour mode of the help text {@link PrecomputeHelp} renders.
   */
  static final class NoTerminal implements Terminal {
    private final boolean stdout;

    NoTerminal(boolean stdout) {
      this.stdout = stdout;
    }

    @Override
    public boolean stdinIsTerminal() {
      return false;
    }

    @Override
    public boolean stdoutIsTerminal() {
      return stdout;
    }

    @Override
    public boolean stderrIsTerminal() {
      return false;
    }

    @Override
    public int width() {
      return 0;
    }

    @Override
    public String readLine(String prompt) {
      throw new UnsupportedOperationException("no terminal while generating docs");
    }

    @Override
    public char[] readSecret(String prompt) {
      throw new UnsupportedOperationException("no terminal while generating docs");
    }

    @Override
    public void show(String text) {
      throw new UnsupportedOperationException("no terminal while generating docs");
    }
  }
}
