package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    int code =
        ArchiveTraining.train(
            (env, args) -> {
              env.forEach(cli::env);
              return cli.run(args).exitCode();
            });

    assertThat(code).isZero();
    var runs = cli.history();
    assertThat(runs).hasSize(6);
    assertThat(runs).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
    assertThat(runs.get(0).out()).startsWith("market ");
    assertThat(runs.get(1).out()).startsWith("Usage: market [OPTIONS] COMMAND");
    // the canned page, gzipped on the wire, read and printed whole
    assertThat(runs.get(2).out())
        .startsWith("[ {\n  \"id\" : 36,")
        .contains("\"offering_id\" : \"vps-nano-fsn\"")
        .endsWith("} ]\n");
    assertThat(runs.get(3).out()).contains("Additional IPv4").contains("Nano VPS");
    // signed reads with the training identity: its contract, as a list and on its own
    assertThat(runs.get(4).out())
        .startsWith("[ {\n  \"contract_id\" : \"18ecd74a777b")
        .contains("\"status\" : \"active\"")
        .endsWith("} ]\n");
    assertThat(runs.get(5).out())
        .startsWith("contract:    18ecd74a777b")
        .contains("status:      active\n")
        .endsWith("connection:  root@203.0.113.7 port 22\n");
  }

  /**
   * The training runs in a home of its own and removes it: the launcher remakes a stale archive in
   * the background of a user's command, whose MARKET_HOME holds their identities and config.
   */
  @Test
  void trainingUsesAHomeOfItsOwnAndRemovesIt() throws IOException {
    CliRunner cli = new CliRunner(dir);
    List<Path> homes = new ArrayList<>();

    ArchiveTraining.train(
        (env, args) -> {
          Path home = Path.of(env.get("MARKET_HOME"));
          homes.add(home);
          assertThat(home).isDirectory();
          assertThat(home.resolve("identities").resolve("training.key")).isRegularFile();
          env.forEach(cli::env);
          return cli.run(args).exitCode();
        });

    assertThat(homes).hasSize(6).allSatisfy(h -> assertThat(h).isEqualTo(homes.get(0)));
    assertThat(homes.get(0)).doesNotExist();
    assertThat(homes.get(0).startsWith(dir)).isFalse();
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
