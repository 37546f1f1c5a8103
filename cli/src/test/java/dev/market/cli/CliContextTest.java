package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.output.OutputFormat;
import dev.market.cli.support.ScriptedTerminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence of the global settings: flag > environment > config file > default. */
class CliContextTest {
  @TempDir Path dir;

  private CliContext context(Map<String, String> env, ScriptedTerminal terminal) {
    Map<String, String> e = new HashMap<>(env);
    e.put("MARKET_HOME", dir.toString());
    return CliContext.builder()
        .out(new PrintWriter(new StringWriter()))
        .err(new PrintWriter(new StringWriter()))
        .in(new ByteArrayInputStream(new byte[0]))
        .env(e)
        .terminal(terminal)
        .build();
  }

  private CliContext parsed(Map<String, String> env, String... args) {
    CliContext ctx = context(env, ScriptedTerminal.none());
    new Cli(ctx).commandLine().parseArgs(args);
    return ctx;
  }

  @Test
  void api_url_defaults_to_the_local_server() {
    assertThat(parsed(Map.of(), "config", "list").apiUrl()).isEqualTo("http://127.0.0.1:8787");
  }

  @Test
  void api_url_from_config_beats_the_default_env_beats_config_flag_beats_env() {
    parsed(Map.of(), "config", "list").config().set("api-url", "http://from-config:1");
    assertThat(parsed(Map.of(), "config", "list").apiUrl()).isEqualTo("http://from-config:1");
    Map<String, String> env = Map.of("MARKET_API_URL", "http://from-env:2");
    assertThat(parsed(env, "config", "list").apiUrl()).isEqualTo("http://from-env:2");
    assertThat(parsed(env, "--api-url", "http://from-flag:3", "config", "list").apiUrl())
        .isEqualTo("http://from-flag:3");
    assertThat(parsed(env, "config", "list", "--api-url", "http://from-flag:4").apiUrl())
        .isEqualTo("http://from-flag:4");
  }

  @Test
  void identity_follows_the_same_precedence() {
    assertThat(parsed(Map.of(), "config", "list").identityName()).isNull();
    parsed(Map.of(), "config", "list").config().set("identity", "cfg");
    assertThat(parsed(Map.of(), "config", "list").identityName()).isEqualTo("cfg");
    Map<String, String> env = Map.of("MARKET_IDENTITY", "envname");
    assertThat(parsed(env, "config", "list").identityName()).isEqualTo("envname");
    assertThat(parsed(env, "--identity", "flag", "config", "list").identityName())
        .isEqualTo("flag");
  }

  @Test
  void an_identity_may_be_named_like_a_command() {
    assertThat(parsed(Map.of(), "--identity", "provider", "config", "list").identityName())
        .isEqualTo("provider");
    assertThat(parsed(Map.of(), "--identity", "rent", "config", "list").identityName())
        .isEqualTo("rent");
  }

  @Test
  void output_from_config_and_flag() {
    assertThat(parsed(Map.of(), "config", "list").outputFormat()).isEqualTo(OutputFormat.TABLE);
    parsed(Map.of(), "config", "list").config().set("output", "ids");
    assertThat(parsed(Map.of(), "config", "list").outputFormat()).isEqualTo(OutputFormat.IDS);
    assertThat(parsed(Map.of(), "-o", "json", "config", "list").outputFormat())
        .isEqualTo(OutputFormat.JSON);
  }

  @Test
  void colour_only_on_a_terminal_without_no_color() {
    CliContext tty = context(Map.of(), ScriptedTerminal.interactive(80));
    assertThat(tty.color()).isTrue();
    assertThat(context(Map.of(), ScriptedTerminal.none()).color()).isFalse();
    assertThat(context(Map.of("NO_COLOR", "1"), ScriptedTerminal.interactive(80)).color())
        .isFalse();
    CliContext flagged = context(Map.of(), ScriptedTerminal.interactive(80));
    new Cli(flagged).commandLine().parseArgs("--no-color", "config", "list");
    assertThat(flagged.color()).isFalse();
  }
}
