package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.ScriptedTerminal;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One golden help text per command under {@code src/test/resources/help/}. After an intended change
 * regenerate them with {@code ./mvnw -pl cli test -Dtest=HelpSnapshotTest -Dupdate.snapshots=true}
 * and review the diff.
 */
class HelpSnapshotTest {
  private static final Path DIR = Path.of("src", "test", "resources", "help");
  private static final boolean UPDATE = Boolean.getBoolean("update.snapshots");

  @TempDir Path dir;

  static List<String> allCommands() {
    List<String> names = new ArrayList<>();
    for (CommandLine cmd : tree()) {
      names.add(cmd.getCommandSpec().qualifiedName());
    }
    return names;
  }

  /** Every command of the whole tree, each once, parents first. */
  static List<CommandLine> tree() {
    CliContext ctx =
        CliContext.builder()
            .out(new PrintWriter(new StringWriter()))
            .err(new PrintWriter(new StringWriter()))
            .in(new ByteArrayInputStream(new byte[0]))
            .env(Map.of())
            .terminal(ScriptedTerminal.none())
            .build();
    List<CommandLine> all = new ArrayList<>();
    collect(new Cli(ctx).commandLine(), all);
    return all;
  }

  private static void collect(CommandLine cmd, List<CommandLine> all) {
    all.add(cmd);
    // aliases map to the same CommandLine: visit each once
    cmd.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
  }

  /**
   * A group's command list shows each command's first description line alone: it must be a whole
   * sentence, not one cut off where the line wraps ("at its end it renews for its original").
   */
  @org.junit.jupiter.api.Test
  void every_commands_summary_line_is_a_whole_sentence() {
    List<CommandLine> tree = tree();
    List<String> cut = new ArrayList<>();
    for (CommandLine cmd : tree) {
      String[] description = cmd.getCommandSpec().usageMessage().description();
      String summary = description.length == 0 ? "" : description[0].strip();
      if (!summary.endsWith(".")) {
        cut.add(cmd.getCommandSpec().qualifiedName() + ": " + summary);
      }
    }
    assertThat(tree).hasSizeGreaterThan(30);
    assertThat(cut).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> every_command_has_its_help_snapshot() {
    return allCommands().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      List<String> args =
                          new ArrayList<>(
                              List.of(name.split(" ")).subList(1, name.split(" ").length));
                      args.add("--help");
                      Result r = new CliRunner(dir).run(args.toArray(String[]::new));
                      assertThat(r.exitCode()).isZero();
                      assertThat(r.err()).isEmpty();
                      Path golden = DIR.resolve(name.replace(' ', '-') + ".txt");
                      if (UPDATE) {
                        write(golden, r.out());
                      }
                      assertThat(golden)
                          .as("no help snapshot for '%s': run with -Dupdate.snapshots=true", name)
                          .exists();
                      assertThat(r.out())
                          .as(
                              "help of '%s' differs from %s (-Dupdate.snapshots=true)",
                              name, golden)
                          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                    }));
  }

  @Test
  void no_snapshot_is_left_for_a_command_that_no_longer_exists() throws IOException {
    List<String> expected =
        allCommands().stream().map(n -> n.replace(' ', '-') + ".txt").sorted().toList();
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isSubsetOf(expected);
    }
  }

  private static void write(Path golden, String text) throws IOException {
    Files.createDirectories(golden.getParent());
    Files.writeString(golden, text, StandardCharsets.UTF_8);
  }
}
