package dev.market.cli;

import dev.market.cli.config.CliConfig;
import dev.market.cli.config.MarketPaths;
import dev.market.cli.io.SystemTerminal;
import dev.market.cli.io.Terminal;
import dev.market.cli.output.DryRunPrinter;
import dev.market.cli.output.JqFilter;
import dev.market.cli.output.OutputFormat;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Style;
import dev.market.client.MarketClient;
import dev.market.client.Outcome;
import dev.market.client.RequestOptions;
import dev.market.client.auth.IdentityStore;
import dev.market.protocol.crypto.Identity;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import picocli.CommandLine.TypeConversionException;

/**
 * Everything a command may use, handed to it at construction: streams, environment, terminal,
 * clock, config, and the marketplace client. Nothing here is static, so tests run the whole CLI
 * in-process with captured streams, a scripted terminal and a temporary home. Expensive or
 * key-bearing things (the client, the config file, the terminal device) are created on first use
 * only: {@code --help}, {@code --version} and usage errors load none of them.
 */
public final class CliContext implements AutoCloseable {
  private static final RequestOptions DRY_RUN = RequestOptions.builder().dryRun(true).build();

  public static final String DEFAULT_API_URL = "http://127.0.0.1:8787";

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;
  private final Terminal terminal;
  private final Clock clock;
  private final UnaryOperator<MarketClient.Builder> clientCustomizer;
  private final ProcessRunner processRunner;
  private final MarketPaths paths;
  private final Flags flags = new Flags();

  private CliConfig config;
  private MarketClient publicClient;
  private MarketClient client;
  private Identities identities;
  private Printer printer;
  private JqFilter jqFilter;

  /** The global options as given on the command line ({@code null}/false when absent). */
  public static final class Flags {
    String apiUrl;
    String identity;
    String output;
    boolean debug;
    boolean noColor;
    boolean dryRun;
    String jq;
    String profile;
  }

  /** Runs an external program (ssh) attached to the user's terminal; returns its exit code. */
  @FunctionalInterface
  public interface ProcessRunner {
    int run(java.util.List<String> command) throws java.io.IOException, InterruptedException;
  }

  private CliContext(Builder b) {
    this.out = Objects.requireNonNull(b.out, "out");
    this.err = Objects.requireNonNull(b.err, "err");
    this.in = Objects.requireNonNull(b.in, "in");
    this.env = Map.copyOf(Objects.requireNonNull(b.env, "env"));
    this.terminal = Objects.requireNonNull(b.terminal, "terminal");
    this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
    // null: none, and the real one; no lambda is made on the way to every command (on JDK 17 each
    // spins classes at start-up)
    this.clientCustomizer = b.clientCustomizer;
    this.processRunner = b.processRunner;
    this.paths = MarketPaths.fromEnv(this.env);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The real process: System streams and environment, the JLine terminal. */
  public static CliContext system() {
    return system(System.getenv());
  }

  /** The real process with {@code env} in place of its environment (the archive's training). */
  static CliContext system(Map<String, String> env) {
    return builder()
        .out(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
        .err(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
        .in(System.in)
        .env(env)
        .terminal(new SystemTerminal())
        .build();
  }

  // ---- streams and environment ----

  /** stdout: results only. */
  public PrintWriter out() {
    return out;
  }

  /** stderr: diagnostics, progress, warnings. */
  public PrintWriter err() {
    return err;
  }

  /** stdin as bytes (for {@code -} arguments and piped secrets). */
  public InputStream in() {
    return in;
  }

  public Map<String, String> env() {
    return env;
  }

  public String env(String name) {
    String v = env.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public Terminal terminal() {
    return terminal;
  }

  public Clock clock() {
    return clock;
  }

  public ProcessRunner processRunner() {
    if (processRunner == null) {
      return command -> new ProcessBuilder(command).inheritIO().start().waitFor();
    }
    return processRunner;
  }

  public MarketPaths paths() {
    return paths;
  }

  Flags flags() {
    return flags;
  }

  /**
   * The market home may be missing (it is made when first written) but, when it exists, must be a
   * directory this user can read; otherwise every identity would seem to be missing.
   *
   * @throws CliException exit 4 naming the directory and where its path came from
   */
  private void checkHome() {
    java.nio.file.Path home = paths.home();
    String from = env("MARKET_HOME") != null ? "MARKET_HOME" : "the market home";
    if (java.nio.file.Files.exists(home) && !java.nio.file.Files.isDirectory(home)) {
      throw CliException.identity(
          from + " " + home + " is not a directory (it holds the config and identities)",
          "point MARKET_HOME at a directory, or unset it to use ~/.config/market");
    }
    if (java.nio.file.Files.isDirectory(home)
        && !(java.nio.file.Files.isReadable(home) && java.nio.file.Files.isExecutable(home))) {
      throw CliException.identity(
          from + " " + home + " cannot be read by this user",
          "check its permissions (ls -ld " + home + ")");
    }
  }

  // ---- resolved global settings: flag > environment > config > default ----

  public synchronized CliConfig config() {
    if (config == null) {
      checkHome();
      config = new CliConfig(paths.configFile());
    }
    return config;
  }

  /**
   * The API root: {@code --api-url}, then a profile named by {@code --profile}, then
   * MARKET_API_URL, then the profile of MARKET_PROFILE or config {@code profile}, then config
   * {@code api-url}, then the local server.
   */
  public String apiUrl() {
    if (flags.apiUrl != null) {
      return flags.apiUrl;
    }
    if (flags.profile != null) {
      return profile().apiUrl();
    }
    String fromEnv = env("MARKET_API_URL");
    if (fromEnv != null) {
      return fromEnv;
    }
    CliConfig.Profile p = profile();
    if (p != null) {
      return p.apiUrl();
    }
    return config().get(CliConfig.API_URL).orElse(DEFAULT_API_URL);
  }

  /**
   * The identity name chosen by flag, profile, environment or config (in the order of {@link
   * #apiUrl()}); {@code null} when none is.
   */
  public String identityName() {
    if (flags.identity != null) {
      return flags.identity;
    }
    if (flags.profile != null && profile().identity() != null) {
      return profile().identity();
    }
    String fromEnv = env("MARKET_IDENTITY");
    if (fromEnv != null) {
      return fromEnv;
    }
    CliConfig.Profile p = profile();
    if (p != null && p.identity() != null) {
      return p.identity();
    }
    return config().get(CliConfig.IDENTITY).orElse(null);
  }

  /** {@code --api-url} as given on this command line, or {@code null}. */
  public String givenApiUrl() {
    return flags.apiUrl;
  }

  /** {@code --identity} as given on this command line, or {@code null}. */
  public String givenIdentity() {
    return flags.identity;
  }

  /**
   * The active profile: {@code --profile}, else MARKET_PROFILE, else config {@code profile}; {@code
   * null} when none is chosen.
   *
   * @throws CliException exit 2 when the chosen one does not exist
   */
  public CliConfig.Profile profile() {
    if (flags.profile != null) {
      return config().profile(flags.profile, "--profile");
    }
    String fromEnv = env("MARKET_PROFILE");
    if (fromEnv != null) {
      return config().profile(fromEnv, "MARKET_PROFILE");
    }
    String name = config().get(CliConfig.PROFILE).orElse(null);
    return name == null ? null : config().profile(name, "config profile");
  }

  /** {@code --jq EXPR}, compiled when first asked for; {@code null} when not given. */
  void jq(String expression) {
    flags.jq = expression;
    jqFilter = null;
  }

  private JqFilter jqFilter() {
    if (flags.jq != null && jqFilter == null) {
      jqFilter = JqFilter.compile(flags.jq);
    }
    return jqFilter;
  }

  /**
   * Checks the output options before a command runs, so a broken {@code --jq} or {@code --output}
   * stops it before anything is sent.
   *
   * @throws CliException exit 2
   */
  void checkOutputOptions() {
    if (flags.profile != null) {
      profile(); // an unknown --profile stops the command before anything is sent
    }
    if (flags.jq != null) {
      if (flags.output != null && OutputFormat.parse(flags.output) != OutputFormat.JSON) {
        throw CliException.usage(
            "--jq filters JSON output; it cannot go with -o " + flags.output,
            "leave out -o (or use -o json) with --jq");
      }
      jqFilter();
    } else if (flags.output != null) {
      OutputFormat.parse(flags.output);
    }
  }

  public OutputFormat outputFormat() {
    if (flags.jq != null) {
      return OutputFormat.JSON;
    }
    if (flags.output != null) {
      return OutputFormat.parse(flags.output);
    }
    String format = config().get(CliConfig.OUTPUT).orElse(null);
    return format == null
        ? OutputFormat.TABLE
        : OutputFormat.parse(format, "config output", "market config set output table");
  }

  public boolean debug() {
    return flags.debug;
  }

  public boolean dryRun() {
    return flags.dryRun;
  }

  /** The options every call is made with: {@code --dry-run} makes each a dry run. */
  public RequestOptions requestOptions() {
    return flags.dryRun ? DRY_RUN : RequestOptions.DEFAULT;
  }

  /**
   * Prints a dry run's prepared request on stdout ({@code -o json}: as one JSON object); whether
   * {@code outcome} was one, so the command stops, having sent nothing.
   */
  public boolean printedDryRun(Outcome<?> outcome) {
    if (outcome instanceof Outcome.DryRun<?> d) {
      new DryRunPrinter(out, outputFormat() == OutputFormat.JSON).print(d.request());
      return true;
    }
    return false;
  }

  /** Colour only on a terminal, and never with {@code --no-color} or a non-empty NO_COLOR. */
  public boolean color() {
    return !flags.noColor && env("NO_COLOR") == null && terminal.stdoutIsTerminal();
  }

  /** Prints results in the chosen format; tables fit the terminal. */
  public synchronized Printer printer() {
    if (printer == null) {
      printer = new Printer(out, outputFormat(), terminal.width(), new Style(color()), jqFilter());
    }
    return printer;
  }

  // ---- the marketplace client, built only when a command needs the network ----

  /** An anonymous client for the public endpoints (offerings, health). */
  public synchronized MarketClient publicClient() {
    if (publicClient == null) {
      publicClient = build(clientBuilder());
    }
    return publicClient;
  }

  /** The key store under the market home, and which identity is active. */
  public synchronized Identities identities() {
    if (identities == null) {
      checkHome();
      identities = new Identities(this, new IdentityStore(paths.identitiesDir()));
    }
    return identities;
  }

  /**
   * A client signing with the active identity, which is loaded (and unlocked) here, on first use.
   *
   * @throws CliException exit 4 when there is no usable identity
   */
  public synchronized MarketClient client() {
    if (client == null) {
      Identity identity = identities().active();
      client = build(clientBuilder().identity(identity));
    }
    return client;
  }

  /** A builder with the resolved URL and clock; the customizer (tests) last. */
  MarketClient.Builder clientBuilder() {
    MarketClient.Builder b =
        MarketClient.builder()
            .baseUrl(apiUrl())
            .clock(clock)
            .userAgent("market-cli/" + VersionProvider.version());
    Duration attemptTimeout = httpTimeout();
    if (attemptTimeout != null) {
      b.connectTimeout(attemptTimeout).readTimeout(attemptTimeout);
    }
    return clientCustomizer == null ? b : clientCustomizer.apply(b);
  }

  /**
   * {@code MARKET_HTTP_TIMEOUT}: how long one attempt may wait to connect and then for each read
   * ({@code null}: client-core's 10 s and 30 s). It bounds how long a command waits on a
   * marketplace that accepts and never answers (docs/reliability.md).
   */
  Duration httpTimeout() {
    String value = env("MARKET_HTTP_TIMEOUT");
    if (value == null) {
      return null;
    }
    try {
      return DurationConverter.parse(value);
    } catch (TypeConversionException e) {
      throw CliException.usage("MARKET_HTTP_TIMEOUT: " + e.getMessage(), "MARKET_HTTP_TIMEOUT=10s");
    }
  }

  /** A bad {@code --api-url} is a usage error, not a crash. */
  MarketClient build(MarketClient.Builder builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          "api url: " + e.getMessage(), "market --api-url http://127.0.0.1:8787 ...");
    }
  }

  @Override
  public synchronized void close() {
    if (publicClient != null) {
      publicClient.close();
    }
    if (client != null) {
      client.close();
    }
    out.flush();
    err.flush();
  }

  /** Builds a {@link CliContext}; every stream, the environment and the terminal are required. */
  public static final class Builder {
    private PrintWriter out;
    private PrintWriter err;
    private InputStream in;
    private Map<String, String> env;
    private Terminal terminal;
    private Clock clock;
    private UnaryOperator<MarketClient.Builder> clientCustomizer;
    private ProcessRunner processRunner;

    public Builder out(PrintWriter out) {
      this.out = out;
      return this;
    }

    public Builder err(PrintWriter err) {
      this.err = err;
      return this;
    }

    public Builder in(InputStream in) {
      this.in = in;
      return this;
    }

    public Builder env(Map<String, String> env) {
      this.env = env;
      return this;
    }

    public Builder terminal(Terminal terminal) {
      this.terminal = terminal;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Adjusts every client this context builds (tests: fewer retries, shorter timeouts). */
    public Builder clientCustomizer(UnaryOperator<MarketClient.Builder> customizer) {
      this.clientCustomizer = customizer;
      return this;
    }

    public Builder processRunner(ProcessRunner runner) {
      this.processRunner = runner;
      return this;
    }

    public CliContext build() {
      return new CliContext(this);
    }
  }
}
