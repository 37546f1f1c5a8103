package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.docs.PrecomputeHelp;
import dev.market.cli.support.ScriptedTerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --version} and {@code --help} skip the command tree; what they print must be exactly what
 * the tree prints, with and without colour, or the shortcut is a second, drifting implementation.
 */
class FastPathTest {

  @ParameterizedTest(name = "{0}, stdout a terminal: {1}")
  @CsvSource({
    "--help, false",
    "--help, true",
    "-h, false",
    "-h, true",
    "--version, false",
    "--version, true",
    "-V, false"
  })
  void lone_help_and_version_print_what_the_command_tree_prints(String arg, boolean tty) {
    StringWriter fast = new StringWriter();
    boolean answered = FastPath.answer(context(fast, tty), arg);

    StringWriter tree = new StringWriter();
    CliContext treeCtx = context(tree, tty);
    int code = new Cli(treeCtx).commandLine().execute(arg);
    treeCtx.out().flush();

    assertThat(answered).as("answered without the tree (is the precomputed help built?)").isTrue();
    assertThat(code).isZero();
    assertThat(fast.toString()).isNotBlank().isEqualTo(tree.toString());
  }

  /** What Main prints before any context exists (the test's stdout is a pipe, not a terminal). */
  @ParameterizedTest
  @CsvSource({"--help", "-h", "--version", "-V"})
  void main_prints_the_same_before_any_context_exists(String arg) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean answered = FastPath.answer(new PrintStream(bytes, true, StandardCharsets.UTF_8), arg);

    StringWriter tree = new StringWriter();
    CliContext treeCtx = context(tree, false);
    new Cli(treeCtx).commandLine().execute(arg);
    treeCtx.out().flush();

    assertThat(answered).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isNotBlank().isEqualTo(tree.toString());
  }

  @ParameterizedTest
  @CsvSource({"--help --debug", "offerings --help", "--versio"})
  void main_leaves_anything_else_to_the_tree(String args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThat(
            FastPath.answer(new PrintStream(bytes, true, StandardCharsets.UTF_8), args.split(" ")))
        .isFalse();
    assertThat(bytes.size()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"--help --debug", "offerings --help", "--version --help", "-Vh", "--versio"})
  void anything_else_goes_to_the_tree(String args) {
    StringWriter out = new StringWriter();
    assertThat(FastPath.answer(context(out, false), args.split(" "))).isFalse();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void the_command_table_the_build_wrote_is_the_one_the_whole_tree_gives() throws Exception {
    String written;
    try (var in = Cli.class.getResourceAsStream(Cli.COMMAND_TABLE)) {
      assertThat(in).as("the build writes " + Cli.COMMAND_TABLE).isNotNull();
      written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(written).isEqualTo(PrecomputeHelp.commandTable());
    assertThat(Cli.commandTable(new Cli(context(new StringWriter(), false)).commandLine()))
        .containsEntry("offerings", "dev.market.cli.commands.offerings.OfferingsCommand")
        .containsEntry("offerings ls", "dev.market.cli.commands.offerings.OfferingsListCommand")
        .containsEntry("config profile add", "dev.market.cli.commands.config.ProfileCommand$Add")
        .containsEntry("rent", "dev.market.cli.commands.rent.RentCommand")
        .doesNotContainKey("help")
        .hasSizeGreaterThan(20);
  }

  private static CliContext context(StringWriter out, boolean tty) {
    return CliContext.builder()
        .out(new PrintWriter(out, true))
        .err(new PrintWriter(new StringWriter(), true))
        .in(new ByteArrayInputStream(new byte[0]))
        .env(Map.of())
        .terminal(tty ? ScriptedTerminal.interactive(100) : ScriptedTerminal.none())
        .build();
  }
}
