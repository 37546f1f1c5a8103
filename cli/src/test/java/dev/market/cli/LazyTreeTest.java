package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.commands.MarketCommand;
import dev.market.cli.commands.offerings.OfferingsCommand;
import dev.market.cli.support.ScriptedTerminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A run builds the root and only the top-level command it invokes ({@link Cli#commandLineFor}); it
 * must answer exactly as the whole tree does, errors and suggestions included.
 */
class LazyTreeTest {
  @TempDir Path home;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "offerings list, offerings",
    "offerings list -o json, offerings",
    "--identity rent offerings list, offerings",
    "--identity=rent status 3f1c2a9b, status",
    "-o json rentals, rentals",
    "--no-color identity list, identity",
    "status --identity offerings 3f1c2a9b, status"
  })
  void only_the_invoked_command_is_built(String args, String built) {
    assertThat(cli().commandLineFor(args.split(" ")).getSubcommands().keySet())
        .containsExactly(built);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "help rent", // help lists and resolves the others
        "stauts 3f1c2a9b", // did-you-mean needs every name
        "auth status", // the stray word is the error
        "--bogus offerings list", // an unknown option: the whole tree's error
        "-h offerings list", // the root's help, which lists every command
        "--version offerings",
        "--identity", // no command at all
        "-- offerings"
      })
  void anything_less_plain_gets_the_whole_tree(String args) {
    assertThat(cli().commandLineFor(args.split(" ")).getSubcommands())
        .hasSize(MarketCommand.commands().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "offerings lst",
        "offerings list --type gpus --api-url http://127.0.0.1:9",
        "rent",
        "rent abc --yes",
        "status --wait sideways 3f1c2a9b",
        "identity",
        "identity show nobody",
        "config list",
        "provision --password s3cret 3f1c2a9b",
        "accept --help",
        "--identity rent offerings --help",
        "-h offerings list",
        "--help rent",
        // a group's subcommand: built alone only when plain to see
        "offerings",
        "offerings --help",
        "offerings -h list",
        "offerings list --help",
        "offerings ls --help",
        "offerings lst",
        "offerings lis --help",
        "offerings --bogus list",
        "offerings list --bogus",
        "offerings list extra",
        "offerings -- list",
        "offerings --identity list show",
        "offerings --identity=list show abc",
        "offerings --identity --debug list",
        "offerings list --limit 0",
        "offerings list -q",
        "--no-color offerings -o json list --dry-run --api-url http://127.0.0.1:9",
        "offerings ls --dry-run -o json --api-url http://127.0.0.1:9",
        "-o json offerings show",
        "offerings show abc",
        "config profile",
        "config profile --help",
        "config profile lst",
        "config prfile",
        "config profile add --help",
        "config profile add",
        "wallet deposit --help",
        "wallet depost",
        "provider auto-accept --help",
        "provider auto-accept sideways",
        "account show --help",
        // a leaf's global options as plain options (no help printed): the same errors
        "offerings list -o xml",
        "offerings list --outptu json",
        "offerings list --api-url",
        "offerings list --api-url not-a-url",
        "offerings list -oh",
        "offerings list -o json -h",
        "rentals --identity",
        "rentals --identiy alice",
        "rentals --dry-run --no-color --profile nope",
        "status -o ids --wait",
        "whoami --api-url http://127.0.0.1:9 --help"
      })
  void a_lazy_run_answers_exactly_as_the_whole_tree(String args) {
    String[] argv = args.split(" ");
    Run lazy = run(argv, true);
    Run whole = run(argv, false);
    assertThat(lazy).isEqualTo(whole);
    assertThat(lazy.out() + lazy.err()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "offerings list -o json, list ls",
    "offerings ls, list ls",
    "--identity rent offerings --api-url http://x show 17, show",
    "offerings --identity list show 17, show",
    "config profile add work http://x, add",
    "identity show nobody, show"
  })
  void only_the_invoked_subcommand_of_a_group_is_built(String args, String built) {
    CommandLine group =
        cli().commandLineFor(args.split(" ")).getSubcommands().values().iterator().next();
    if (args.startsWith("config")) {
      group = group.getSubcommands().get("profile");
      assertThat(group.getParent().getSubcommands().keySet()).containsExactly("profile");
    }
    assertThat(group.getSubcommands().keySet()).containsExactly(built.split(" "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "offerings",
        "offerings lst", // did-you-mean needs every name
        "offerings -h list", // the group's help lists every subcommand
        "offerings --bogus list",
        "offerings -- list",
        "offerings --identity --debug list", // an option-like value: picocli's error, not ours
        "offerings --identity"
      })
  void a_group_gets_all_its_subcommands_when_the_one_invoked_is_not_plain(String args) {
    CommandLine group = cli().commandLineFor(args.split(" ")).getSubcommands().get("offerings");
    assertThat(group.getSubcommands().values().stream().distinct())
        .hasSize(new OfferingsCommand(null).subcommands().size());
  }

  @Test
  void the_whole_tree_has_every_registered_command_in_order() {
    assertThat(cli().commandLine().getSubcommands().values())
        .<Object>extracting(c -> c.getCommandSpec().userObject().getClass())
        .containsExactlyElementsOf(MarketCommand.commands());
  }

  record Run(int code, String out, String err) {}

  private Run run(String[] args, boolean lazy) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = context(out, err);
    Cli cli = new Cli(ctx);
    int code = (lazy ? cli.commandLineFor(args) : cli.commandLine()).execute(args);
    ctx.out().flush();
    ctx.err().flush();
    return new Run(code, out.toString(), err.toString());
  }

  private Cli cli() {
    return new Cli(context(new StringWriter(), new StringWriter()));
  }

  private CliContext context(StringWriter out, StringWriter err) {
    return CliContext.builder()
        .out(new PrintWriter(out, true))
        .err(new PrintWriter(err, true))
        .in(new ByteArrayInputStream(new byte[0]))
        .env(Map.of("MARKET_HOME", home.toString()))
        .terminal(ScriptedTerminal.none())
        .build();
  }
}
