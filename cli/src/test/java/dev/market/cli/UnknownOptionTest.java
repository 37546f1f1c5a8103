package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, providers: an unknown option is named, never the words that follow it ({@code provision
 * --password s3cret} must not print {@code s3cret}), and a command that reads passwords from stdin
 * says so.
 */
class UnknownOptionTest {
  static final String ID = "ab".repeat(32);
  static final String HINT =
      "hint: pass passwords on stdin with --password-stdin, never as arguments; see market"
          + " provision --help\n";

  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir);
  }

  @Test
  void provision_password_as_an_option_names_the_option_only_and_points_to_password_stdin() {
    Result r = cli.run("provision", ID, "--done", "--ip", "203.0.113.7", "--password", "s3cret");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: Unknown option: '--password' (what follows it is not repeated here: it may"
                + " be a secret)\n"
                + HINT);
  }

  @Test
  void provision_password_with_equals_names_the_option_only_and_points_to_password_stdin() {
    Result r = cli.run("provision", ID, "--done", "--ip", "203.0.113.7", "--password=s3cret");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: Unknown option: '--password' (what follows it is not repeated here: it may"
                + " be a secret)\n"
                + HINT);
  }

  @Test
  void an_unknown_option_without_a_value_is_named_as_before() {
    Result r = cli.run("provision", ID, "--done", "--ip", "203.0.113.7", "--frobnicate");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("error: Unknown option: '--frobnicate'\nhint: market provision --help\n");
  }

  @Test
  void a_cluster_of_known_short_options_is_not_taken_for_an_unknown_one() {
    Result r = cli.run("offerings", "delete", "-yo", "json", "--password", "s3cretWord");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: Unknown option: '--password' (what follows it is not repeated here: it may"
                + " be a secret)\nhint: market offerings delete --help\n");
  }

  /** Every command: an unknown option followed by short, plain words never echoes the words. */
  @TestFactory
  Stream<DynamicTest> no_command_echoes_the_words_after_an_unknown_option() {
    return HelpSnapshotTest.allCommands().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      for (List<String> tail :
                          List.of(
                              List.of("--password", "s3cretWord"),
                              List.of("--password=s3cretWord"),
                              List.of("--token", "s3cretWord", "0therWord"),
                              List.of("-p", "s3cretWord"))) {
                        List<String> args = new ArrayList<>(List.of(name.split(" ")));
                        args.remove(0);
                        args.addAll(tail);
                        Result r = new CliRunner(dir).run(args.toArray(String[]::new));
                        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
                        assertThat(r.out() + r.err())
                            .as(r.toString())
                            .doesNotContain("s3cretWord")
                            .doesNotContain("0therWord");
                      }
                    }));
  }
}
