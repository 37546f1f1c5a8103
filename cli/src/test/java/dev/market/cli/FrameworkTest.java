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
  void no_command_is_a_usage_error_with_a_hint() {
    Result r = cli.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: Missing required subcommand\nhint: market --help\n");
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
    assertThat(r.err()).startsWith("error: market: unknown command 'frobnicate'");
    assertThat(r.err()).endsWith("hint: market --help\n");
    assertThat(r.err().lines()).hasSize(2);
  }

  @Test
  void bad_output_format_exits_2_naming_the_accepted_values() {
    Result r = cli.run("config", "list", "-o", "xml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("error: --output: 'xml' is not one of table, json, ids\nhint: market --help\n");
  }

  @Test
  void global_options_are_accepted_before_or_after_the_command() {
    assertThat(cli.run("-o", "json", "config", "list").out()).isEqualTo("{ }\n");
    assertThat(cli.run("config", "list", "-o", "json").out()).isEqualTo("{ }\n");
  }
}
