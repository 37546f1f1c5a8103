package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTrainingTest {
  @TempDir Path dir;

  /**
   * The archive holds what the training's commands load, so each must do its whole work against the
   * canned server (a failing one would leave its path out, and only start-up would show it).
   */
  @Test
  void everyTrainingCommandSucceedsAgainstTheCannedServer() throws IOException {
    CliRunner cli = new CliRunner(dir);

    int code = ArchiveTraining.train(args -> cli.run(args).exitCode());

    assertThat(code).isZero();
    var runs = cli.history();
    assertThat(runs).hasSize(4);
    assertThat(runs).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
    assertThat(runs.get(0).out()).startsWith("market ");
    assertThat(runs.get(1).out()).startsWith("Usage: market [OPTIONS] COMMAND");
    // the canned page, gzipped on the wire, read and printed whole
    assertThat(runs.get(2).out())
        .startsWith("[ {\n  \"id\" : 36,")
        .contains("\"offering_id\" : \"vps-nano-fsn\"")
        .endsWith("} ]\n");
    assertThat(runs.get(3).out()).contains("Additional IPv4").contains("Nano VPS");
  }

  @Test
  void cannedAnswerIsGzipThatTheJdkInflates() throws IOException {
    Random random = new Random(7);
    for (int size : new int[] {0, 1, 1000, 0xffff, 0x10000, 200_000}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      byte[] member = ArchiveTraining.gzip(data);
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
        assertThat(in.readAllBytes()).as("%d bytes", size).isEqualTo(data);
      }
    }
  }
}
