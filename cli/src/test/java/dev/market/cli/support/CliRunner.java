package dev.market.cli.support;

import dev.market.cli.Cli;
import dev.market.cli.CliContext;
import dev.market.client.MarketClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs {@code market} in-process through {@link Cli} with captured stdout and stderr, a scripted
 * stdin and terminal, and an environment whose MARKET_HOME and HOME point into a test directory.
 * Every run's output is kept so a test can scan all of it for secrets at the end.
 */
public final class CliRunner {
  private final Map<String, String> env = new HashMap<>();
  private final List<Result> history = new ArrayList<>();
  private UnaryOperator<MarketClient.Builder> clientCustomizer =
      b ->
          b.maxAttempts(1)
              .connectTimeout(Duration.ofSeconds(2))
              .readTimeout(Duration.ofSeconds(10));
  private Clock clock;
  private CliContext.ProcessRunner processRunner =
      cmd -> {
        throw new AssertionError("unexpected process: " + cmd);
      };

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err, String tty) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err + "--- tty\n" + tty;
    }
  }

  public CliRunner(Path dir) {
    env.put("MARKET_HOME", dir.resolve("market-home").toString());
    env.put("HOME", dir.resolve("user-home").toString());
  }

  public CliRunner env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  public Map<String, String> env() {
    return env;
  }

  public CliRunner clientCustomizer(UnaryOperator<MarketClient.Builder> customizer) {
    this.clientCustomizer = customizer;
    return this;
  }

  /** The CLI's clock (signature timestamps, ages in tables); the system clock when unset. */
  public CliRunner clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public CliRunner processRunner(CliContext.ProcessRunner runner) {
    this.processRunner = runner;
    return this;
  }

  /** Runs without any terminal and with empty stdin. */
  public Result run(String... args) {
    return run(ScriptedTerminal.none(), "", args);
  }

  /** Runs without any terminal, with {@code stdin} piped in. */
  public Result runWithStdin(String stdin, String... args) {
    return run(ScriptedTerminal.none(), stdin, args);
  }

  public Result run(ScriptedTerminal terminal, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        CliContext.builder()
            .out(new PrintWriter(out, true))
            .err(new PrintWriter(err, true))
            .in(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
            .env(env)
            .terminal(terminal)
            .clientCustomizer(clientCustomizer)
            .clock(clock)
            .processRunner(processRunner)
            .build();
    int code;
    try (ctx) {
      code = new Cli(ctx).execute(args);
    }
    Result r = new Result(code, out.toString(), err.toString(), terminal.transcript());
    history.add(r);
    return r;
  }

  /** Every run so far, for the secret scan. */
  public List<Result> history() {
    return List.copyOf(history);
  }
}
