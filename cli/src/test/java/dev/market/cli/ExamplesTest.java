package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's help (and so its man page and docs/cli.md) ends with examples to copy. */
class ExamplesTest {
  @TempDir Path dir;

  @Test
  void every_command_has_examples_and_every_example_names_a_command() {
    List<String> commands =
        HelpSnapshotTest.allCommands().stream().map(q -> q.replaceFirst("^market ?", "")).toList();

    assertThat(Examples.BY_COMMAND.keySet()).containsExactlyInAnyOrderElementsOf(commands);
    Examples.BY_COMMAND.forEach(
        (command, lines) ->
            assertThat(lines).as(command).isNotEmpty().allMatch(l -> l.startsWith("market ")));
  }

  @Test
  void the_help_shows_them_after_the_options() {
    String help = new CliRunner(dir).run("rent", "--help").out();

    assertThat(help)
        .contains("\nExamples:\n  market rent 17\n")
        .contains("  market rent 17 --hours 24 --ssh-key ~/.ssh/id_ed25519.pub --yes --wait\n");
  }
}
