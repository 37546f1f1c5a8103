package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A MARKET_HOME that cannot hold the config and identities says so, whatever the command. */
class MarketHomeTest {
  @TempDir Path dir;

  @Test
  void a_market_home_that_is_a_file_is_named_not_taken_for_no_identity() throws Exception {
    Path file = dir.resolve("home-file");
    Files.writeString(file, "not a directory\n");
    CliRunner cli = new CliRunner(dir).env("MARKET_HOME", file.toString());
    String expected =
        "error: MARKET_HOME "
            + file
            + " is not a directory (it holds the config and identities)\n"
            + "hint: point MARKET_HOME at a directory, or unset it to use ~/.config/market\n";

    Result rentals = cli.run("rentals");
    Result set = cli.run("config", "set", "output", "json");
    Result list = cli.run("identity", "list");

    for (Result r : new Result[] {rentals, set, list}) {
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo(expected);
    }
    assertThat(Files.readString(file)).isEqualTo("not a directory\n");
  }
}
