package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkTest {
  @TempDir Path dir;
  CliRunner cli;
  final AtomicInteger clientsBuilt = new AtomicInteger();

  @BeforeEach
  void setUp() {
    cli =
        new CliRunner(dir)
            .clientCustomizer(
                b -> {
                  clientsBuilt.incrementAndGet();
                  return b;
                });
  }

  @Test
  void version_prints_market_and_the_project_version() {
    Result r = cli.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).matches("market \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void help_lists_the_exit_codes_and_loads_nothing() {
    Result r = cli.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("Exit codes:")
        .contains("  3     the marketplace refused: not found, invalid, conflict (don't retry)")
        .contains("  8     --wait: timed out, still in progress")
        .contains("  130   interrupted");
    assertThat(r.err()).isEmpty();
    assertThat(clientsBuilt).hasValue(0);
    assertThat(Files.exists(dir.resolve("market-home"))).isFalse();
  }

  @Test
  void no_command_prints_the_help_on_stdout_and_exits_0() {
    Result r = cli.run();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: market [OPTIONS] COMMAND\n").contains("Exit codes:");
    assertThat(r.out()).isEqualTo(cli.run("--help").out());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void a_group_alone_prints_its_help() {
    Result r = cli.run("identity");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(cli.run("identity", "--help").out());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void help_command_prints_the_help_of_the_command_named() {
    Result r = cli.run("help", "identity", "new");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(cli.run("identity", "new", "--help").out());
    assertThat(r.out()).startsWith("Usage: market identity new");
    assertThat(r.err()).isEmpty();
    assertThat(cli.run("help").out()).isEqualTo(cli.run("--help").out());
  }

  @Test
  void help_of_an_unknown_command_exits_2_with_a_suggestion() {
    Result r = cli.run("help", "stauts");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            """
            error: market: unknown command 'stauts'
            hint: did you mean: market status   (market --help lists the commands)
            """);
  }

  @Test
  void version_command_prints_what_the_flag_prints() {
    Result r = cli.run("version");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(cli.run("--version").out());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void a_mistyped_command_gets_a_did_you_mean() {
    Result r = cli.run("rentls");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            """
            error: market: unknown command 'rentls'
            hint: did you mean: market rentals   (market --help lists the commands)
            """);
    Result sub = cli.run("identity", "lsit");
    assertThat(sub.err())
        .isEqualTo(
            """
            error: market identity: unknown command 'lsit'
            hint: did you mean: market identity list   (market identity --help lists the commands)
            """);
  }

  @Test
  void an_unknown_command_before_a_known_one_is_named_not_the_known_ones_missing_argument() {
    Result r = cli.run("auth", "status");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: market: unknown command 'auth'\nhint: market --help\n");
    assertThat(clientsBuilt).hasValue(0);
  }

  @Test
  void numbers_and_amounts_are_rejected_in_plain_words_naming_the_option() {
    Result hours = cli.run("rent", "7", "--hours", "1.5", "--yes");
    assertThat(hours.exitCode()).isEqualTo(2);
    assertThat(hours.out()).isEmpty();
    assertThat(hours.err())
        .isEqualTo("error: --hours: '1.5' is not a whole number\nhint: market rent --help\n");
    Result id = cli.run("offerings", "show", "abc");
    assertThat(id.err())
        .isEqualTo(
            "error: OFFERING-ID: 'abc' is not a whole number\nhint: market offerings show --help\n");
    Result price = cli.run("offerings", "list", "--max-price", "abc");
    assertThat(price.exitCode()).isEqualTo(2);
    assertThat(price.err())
        .isEqualTo(
            """
            error: --max-price: must be a plain amount like 12.50 (at most 9 decimal places, no exponent)
            hint: market offerings list --help
            """);
    assertThat(clientsBuilt).hasValue(0);
  }

  @Test
  void unknown_option_exits_2_naming_it_and_the_commands_help() {
    Result r = cli.run("config", "list", "--frobnicate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("error: Unknown option: '--frobnicate'\nhint: market config list --help\n");
    assertThat(clientsBuilt).hasValue(0);
  }

  @Test
  void unknown_command_exits_2() {
    Result r = cli.run("frobnicate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("error: market: unknown command 'frobnicate'\nhint: market --help\n");
  }

  @Test
  void bad_output_format_exits_2_naming_the_accepted_values() {
    Result r = cli.run("config", "list", "-o", "xml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            """
            error: --output: 'xml' is not one of table, json, ids
            hint: -o table, -o json or -o ids
            """);
  }

  @Test
  void global_options_are_accepted_before_or_after_the_command() {
    assertThat(cli.run("-o", "json", "config", "list").out()).isEqualTo("{ }\n");
    assertThat(cli.run("config", "list", "-o", "json").out()).isEqualTo("{ }\n");
  }
}
