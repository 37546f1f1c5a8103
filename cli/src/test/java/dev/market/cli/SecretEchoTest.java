package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, finding 6: a seed phrase, key or password typed where it does not belong is never
 * repeated in an error (CI logs keep stderr); the error says where the secret goes instead.
 */
class SecretEchoTest {
  static final String PHRASE =
      "ice mandate thunder orbit fossil lemon uncle awake glimpse ranch pupil vessel";

  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir);
  }

  private static String[] with(String[] head, String tail) {
    List<String> args = new ArrayList<>(List.of(head));
    args.addAll(List.of(tail.split(" ")));
    return args.toArray(String[]::new);
  }

  private static void assertNoWordOf(Result r, String secret) {
    for (String word : secret.strip().split(" +", -1)) {
      assertThat(r.out() + r.err()).as(r.toString()).doesNotContain(word);
    }
  }

  @Test
  void a_phrase_pasted_as_arguments_to_identity_import_is_not_repeated() {
    Result r = cli.run(with(new String[] {"identity", "import", "x"}, PHRASE));
    assertThat(r.exitCode()).isEqualTo(2);
    assertNoWordOf(r, PHRASE);
    assertThat(r.err().lines()).hasSize(2);
    assertThat(r.err())
        .startsWith("error: market identity import: 12 unexpected arguments (not repeated");
    assertThat(r.err())
        .contains("hint: a seed phrase is never an argument")
        .contains("< phrase.txt");
  }

  @Test
  void a_phrase_pasted_after_any_command_is_not_repeated() {
    for (String[] cmd : new String[][] {{"identity", "new"}, {"rentals"}, {"config", "list"}, {}}) {
      Result r = cli.run(with(cmd, PHRASE));
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertNoWordOf(r, PHRASE);
    }
  }

  @Test
  void an_unknown_option_carrying_a_value_is_not_repeated() {
    Result r = cli.run("config", "list", "--password=hunter2-correct-horse");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("hunter2");
  }

  @Test
  void a_password_given_as_an_argument_to_provision_points_at_password_stdin() {
    String id = "ab".repeat(32);
    Result r = cli.run("provision", id, "--done", "--ip", "203.0.113.7", "s3cret-Passw0rd!");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("s3cret").contains("--password-stdin");
  }

  @Test
  void a_long_invalid_option_value_is_not_repeated() {
    String key = "9f".repeat(32);
    Result r = cli.run("offerings", "list", "--max-price", key);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).doesNotContain(key).contains("--max-price");
  }
}
