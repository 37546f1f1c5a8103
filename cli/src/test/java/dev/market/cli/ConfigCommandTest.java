package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.protocol.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir);
  }

  @Test
  void set_then_get_prints_the_value_and_writes_the_file_under_market_home() throws Exception {
    Result set = cli.run("config", "set", "api-url", "http://market.example:9000");
    assertThat(set.exitCode()).isZero();
    assertThat(set.out()).isEmpty();
    assertThat(Files.readString(dir.resolve("market-home/config.properties")))
        .isEqualTo("api-url=http://market.example:9000\n");

    Result get = cli.run("config", "get", "api-url");
    assertThat(get.exitCode()).isZero();
    assertThat(get.out()).isEqualTo("http://market.example:9000\n");
    assertThat(get.err()).isEmpty();
  }

  @Test
  void get_of_an_unset_key_prints_nothing_on_stdout_and_says_so_on_stderr() {
    Result r = cli.run("config", "get", "identity");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("config: identity is not set in ");
  }

  @Test
  void list_shows_every_key_with_its_meaning() {
    cli.run("config", "set", "output", "json");
    Result r = cli.run("config", "list", "-o", "table");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            KEY       VALUE  MEANING
            api-url          marketplace API root, e.g. http://127.0.0.1:8787
            identity         identity used when --identity and MARKET_IDENTITY are absent
            output    json   default output format: table, json or ids
            profile          profile used when --profile and MARKET_PROFILE are absent
            """);
  }

  @Test
  void configured_output_json_applies_and_parses() throws Exception {
    cli.run("config", "set", "output", "json");
    cli.run("config", "set", "identity", "alice");
    Result r = cli.run("config", "list");
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.get("output").asText()).isEqualTo("json");
    assertThat(json.get("identity").asText()).isEqualTo("alice");
    assertThat(json.size()).isEqualTo(2);
  }

  @Test
  void unknown_key_exits_2_and_writes_nothing() {
    Result r = cli.run("config", "set", "colour", "blue");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: config: unknown key 'colour' (known: api-url, identity, output, profile)
            hint: market config list
            """);
    assertThat(Files.exists(dir.resolve("market-home/config.properties"))).isFalse();
  }

  @Test
  void an_unknown_output_format_is_refused_and_nothing_is_written() {
    Result r = cli.run("config", "set", "output", "xml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: config set output: 'xml' is not one of table, json, ids
            hint: market config set output table
            """);
    assertThat(Files.exists(dir.resolve("market-home/config.properties"))).isFalse();
  }

  @Test
  void an_unknown_output_format_in_the_file_is_named_as_the_configs_and_can_be_set_right()
      throws Exception {
    Path file = Files.createDirectories(dir.resolve("market-home")).resolve("config.properties");
    Files.writeString(file, "output=xml\n");

    Result r = cli.run("config", "list");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: config output: 'xml' is not one of table, json, ids
            hint: market config set output table
            """);
    // the hint works on the broken file
    assertThat(cli.run("config", "set", "output", "table").exitCode()).isZero();
    assertThat(cli.run("config", "list").exitCode()).isZero();
  }

  @Test
  void a_url_that_is_not_http_exits_2() {
    Result r = cli.run("config", "set", "api-url", "ftp://x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: config set api-url: 'ftp://x' is not an http(s) URL
            hint: market config set api-url http://127.0.0.1:8787
            """);
  }

  @Test
  void unset_removes_the_key() {
    cli.run("config", "set", "output", "ids");
    assertThat(cli.run("config", "unset", "output").exitCode()).isZero();
    assertThat(cli.run("config", "get", "output").out()).isEmpty();
  }

  @Test
  void xdg_config_home_is_used_when_market_home_is_absent() {
    cli.env("MARKET_HOME", null).env("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    cli.run("config", "set", "output", "ids");
    assertThat(Files.exists(dir.resolve("xdg/market/config.properties"))).isTrue();
  }
}
