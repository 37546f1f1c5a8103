package dev.market.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in completions, man pages and command reference are exactly what the command tree
 * generates today. When a command changes, run {@code bin/regen-docs} and commit the result.
 */
class DocsUpToDateTest {
  /** surefire runs in the module directory; the generated files live at the repository root. */
  private static final Path REPO = Path.of("..");

  private static final String REFRESH =
      "completions/ and docs/ are out of date with the command tree: run "
          + GenerateDocs.REGEN_COMMAND
          + " (./mvnw -B -q -pl cli -am -DskipTests process-classes -Dmarket.docs.update=true)"
          + " and commit the result";

  static SortedMap<String, String> generated;

  @BeforeAll
  static void generate() {
    generated = GenerateDocs.generate();
  }

  @Test
  void every_generated_file_is_checked_in_with_the_same_content() throws IOException {
    List<String> stale = new ArrayList<>();
    for (var f : generated.entrySet()) {
      Path checkedIn = REPO.resolve(f.getKey());
      if (!Files.isRegularFile(checkedIn)
          || !Files.readString(checkedIn, StandardCharsets.UTF_8).equals(f.getValue())) {
        stale.add(f.getKey());
      }
    }
    assertThat(stale).as(REFRESH).isEmpty();
  }

  @Test
  void no_checked_in_file_is_left_from_a_command_that_no_longer_exists() throws IOException {
    List<String> extra = new ArrayList<>();
    for (String dir : GenerateDocs.GENERATED_DIRS) {
      try (Stream<Path> files = Files.list(REPO.resolve(dir))) {
        files
            .map(p -> dir + "/" + p.getFileName())
            .filter(rel -> !generated.containsKey(rel))
            .forEach(extra::add);
      }
    }
    assertThat(extra).as(REFRESH).isEmpty();
  }

  @Test
  void the_generator_writes_every_file_and_refreshes_a_checkout_removing_stale_pages(
      @TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("docs/man"));
    Files.writeString(repo.resolve("docs/man/market-gone.1"), "old");
    Files.writeString(repo.resolve("docs/README.md"), "kept");

    GenerateDocs.main(out.toString(), "true", repo.toString());

    for (var f : generated.entrySet()) {
      assertThat(out.resolve(f.getKey())).hasContent(f.getValue());
      assertThat(repo.resolve(f.getKey())).hasContent(f.getValue());
    }
    assertThat(repo.resolve("docs/man/market-gone.1")).doesNotExist();
    assertThat(repo.resolve("docs/README.md")).hasContent("kept");
  }

  @Test
  void without_update_the_checkout_is_left_alone(@TempDir Path dir) throws IOException {
    Path repo = dir.resolve("repo");
    GenerateDocs.main(dir.resolve("out").toString(), "false", repo.toString());
    assertThat(repo).doesNotExist();
  }

  @Test
  void generation_is_deterministic() {
    assertThat(GenerateDocs.generate()).isEqualTo(generated);
  }
}
