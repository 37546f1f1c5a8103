package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.FaultyServer;
import dev.market.cli.support.FaultyServer.Fault;
import dev.market.cli.support.MarketFixture;
import dev.market.client.auth.IdentityStore;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code market} command that talks to a marketplace, against one that hangs, resets,
 * truncates its answer or answers garbage (docs/reliability.md): each ends within its bound, exits
 * 5, prints one {@code error:} line and the one {@code hint:} line, no trace and no class name, and
 * nothing on stdout (table and {@code -o json} alike).
 *
 * <p>The runs use the CLI's real client settings (3 attempts for reads, the real backoff) with
 * {@code MARKET_HTTP_TIMEOUT=300ms} against the hang; each run gets a fault server of its own,
 * which counts the requests that reached it. After one unmeasured warm-up run of each command, they
 * run 4 at a time: most of their time is spent waiting on sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultyServerTest {
  private static final Duration ATTEMPT = Duration.ofMillis(300);

  /** Full-jitter backoff before the 2nd and 3rd attempt is below 200 ms and 400 ms. */
  private static final Duration BACKOFF = Duration.ofMillis(600);

  /** 4 runs sharing 2 cores with other builds; far below the 90 s the defaults allow. */
  private static final Duration SLACK = Duration.ofSeconds(3);

  private static final Duration WAIT = Duration.ofSeconds(1);
  private static final String ID = "ab".repeat(32);

  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b(java|javax|jdk|okhttp3|okio|dev\\.market|com\\.fasterxml|picocli)\\.[a-z]"
              + "|[A-Z][A-Za-z]*(Exception|Error)\\b|\\tat |\\bat [a-z]+\\.[a-z]");

  /** How a command's first request may be repeated: the client's retry policy, per kind. */
  enum Kind {
    /** GET and PUT, and rent with its idempotency key: 3 attempts on a network failure. */
    REPEATABLE,
    /** Other POSTs: 1 attempt once the request may have reached the server. */
    ONCE,
    /**
     * rent: 1 attempt once the request may have reached the server, then 1 probe of /health to
     * learn whether the key makes a repeat safe; when that fails too the outcome is unknown.
     */
    AT_MOST_ONCE,
    /** --wait and --watch: polls until --timeout (1 s here), then one last request. */
    POLLING
  }

  record Command(String who, Kind kind, List<String> args) {
    String name() {
      return String.join(" ", args);
    }
  }

  record Run(Fault fault, Command command, boolean json, Result result, Duration took, int hits) {}

  private Path dir;
  private final Map<String, Run> runs = Collections.synchronizedMap(new TreeMap<>());
  private final Map<String, Duration> slowest = Collections.synchronizedMap(new TreeMap<>());
  private Path sshKey;
  private Path offeringsFile;

  @BeforeAll
  void runEveryCommandAgainstEveryFault(@TempDir Path tmp) throws Exception {
    dir = tmp;
    IdentityStore store = new IdentityStore(dir.resolve("market-home").resolve("identities"));
    Identity renter = Identity.fromMnemonic(MarketFixture.RENTER_PHRASE);
    store.save("renter", renter, null);
    store.save("provider", Identity.fromMnemonic(MarketFixture.PROVIDER_PHRASE), null);
    sshKey = Files.writeString(dir.resolve("id_ed25519.pub"), MarketFixture.sshKey(renter));
    offeringsFile =
        Files.writeString(
            dir.resolve("offerings.json"),
            "{\"offering_id\": \"fault-1\", \"offer_name\": \"Fault box\", \"product_type\":"
                + " \"compute\", \"currency\": \"USD\", \"monthly_price\": 9}");

    // class loading and key derivation of a cold JVM are not what the bounds are about
    for (Command c : commands()) {
      run(Fault.NOT_JSON, c, false);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Run>> pending = new ArrayList<>();
      for (Fault fault : Fault.values()) {
        for (Command c : commands()) {
          for (boolean json : List.of(false, true)) {
            pending.add(pool.submit(() -> run(fault, c, json)));
          }
        }
      }
      for (Future<Run> f : pending) {
        Run r = f.get();
        runs.put(key(r.fault(), r.command(), r.json()), r);
        slowest.merge(
            r.fault() + " " + r.command().kind(), r.took(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @AfterAll
  void reportFigures() {
    // the figures docs/reliability.md quotes
    slowest.forEach(
        (f, d) -> System.out.println("slowest run, " + f + ": " + d.toMillis() + " ms"));
  }

  private List<Command> commands() {
    String key = sshKey.toString();
    String file = offeringsFile.toString();
    String w = "1s";
    return List.of(
        c("renter", Kind.REPEATABLE, "offerings", "list"),
        c("renter", Kind.REPEATABLE, "offerings", "show", "7"),
        c("provider", Kind.ONCE, "offerings", "create", "--file", file),
        c(
            "renter",
            Kind.AT_MOST_ONCE,
            "rent",
            "7",
            "--yes",
            "--ssh-key",
            key,
            "--contact",
            "email:renter@example.com",
            "--hours",
            "24",
            "--os",
            "debian-12",
            "--memo",
            "fault test"),
        c("renter", Kind.REPEATABLE, "rentals"),
        c("renter", Kind.REPEATABLE, "status", ID),
        c("renter", Kind.POLLING, "status", ID, "--wait", "active", "--timeout", w),
        c("renter", Kind.POLLING, "status", ID, "--watch", "--timeout", w),
        c("renter", Kind.REPEATABLE, "events", ID),
        c("renter", Kind.REPEATABLE, "cancel", ID, "--yes"),
        c("renter", Kind.REPEATABLE, "credentials", ID),
        c("renter", Kind.REPEATABLE, "connect", ID),
        c("renter", Kind.REPEATABLE, "notifications"),
        c("provider", Kind.REPEATABLE, "requests"),
        c("provider", Kind.ONCE, "accept", ID),
        c("provider", Kind.ONCE, "reject", ID, "--reason", "no capacity"),
        c("provider", Kind.REPEATABLE, "provision", ID, "--start"),
        c("provider", Kind.REPEATABLE, "contracts"),
        c("provider", Kind.REPEATABLE, "provider", "auto-accept"),
        c("provider", Kind.REPEATABLE, "provider", "auto-accept", "on"));
  }

  private static Command c(String who, Kind kind, String... args) {
    return new Command(who, kind, List.of(args));
  }

  private Run run(Fault fault, Command c, boolean json) {
    try (FaultyServer server = new FaultyServer(fault)) {
      if (c.args().get(0).equals("rent")) {
        // rent reads the offering's rules first; the fault is for the rent itself
        server.healthy(
            "GET /api/v1/offerings/7 ",
            "{\"id\":7,\"offering_id\":\"fault-1\",\"offer_name\":\"Fault box\","
                + "\"currency\":\"USD\",\"monthly_price\":9,\"stock_status\":\"in_stock\","
                + "\"min_contract_hours\":1,\"max_contract_hours\":8760,"
                + "\"operating_systems\":\"debian-12,ubuntu-24.04\"}");
      }
      CliRunner cli =
          new CliRunner(dir)
              .clientCustomizer(UnaryOperator.identity()) // the CLI's own client settings
              .env("MARKET_API_URL", server.url())
              .env("MARKET_IDENTITY", c.who())
              .env("MARKET_HTTP_TIMEOUT", attemptTimeout(fault).toMillis() + "ms");
      List<String> args = new ArrayList<>(c.args());
      if (json) {
        args.addAll(List.of("-o", "json"));
      }
      long start = System.nanoTime();
      Result r = cli.run(args.toArray(String[]::new));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      return new Run(fault, c, json, r, took, server.requests(attempts(fault, c), SLACK));
    }
  }

  /**
   * 300 ms against the hang, whose bound it sets. The other faults answer at once: there a long
   * timeout keeps a starved test thread (2 cores shared by many builds) from turning a reset or a
   * bad answer into a timeout.
   */
  private static Duration attemptTimeout(Fault fault) {
    return fault == Fault.HANG ? ATTEMPT : Duration.ofSeconds(5);
  }

  private static String key(Fault f, Command c, boolean json) {
    return f + " " + c.name() + (json ? " -o json" : "");
  }

  @TestFactory
  Stream<DynamicTest> every_command_ends_in_time_with_exit_5_and_one_error_line() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      for (Command c : commands()) {
        for (boolean json : List.of(false, true)) {
          String name = key(fault, c, json);
          tests.add(DynamicTest.dynamicTest(name, () -> check(runs.get(name))));
        }
      }
    }
    return tests.stream();
  }

  private void check(Run run) throws Exception {
    Result r = run.result();
    Command c = run.command();
    String url = r.err().replaceAll("(?s).*?(http://127\\.0\\.0\\.1:\\d+).*", "$1");
    String what = run.fault() + " " + c.name() + " took " + run.took() + "\n" + r;

    assertThat(r.exitCode()).as(what).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(r.tty()).as(what).isEmpty();
    List<String> lines = new java.util.ArrayList<>(r.err().lines().toList());
    if (c.kind() == Kind.POLLING && lines.get(0).startsWith("the marketplace does not answer (")) {
      // a wait says once that it is riding out an outage, then ends like any other command
      assertThat(lines.get(0)).as(what).endsWith(" until the timeout");
      lines.remove(0);
    }
    assertThat(lines.get(0)).as(what).startsWith("error: ").doesNotContainPattern(CLASS_NAME);
    assertThat(lines.get(0)).as(what).contains(expectedReason(run.fault(), c, url));
    if (c.kind() == Kind.ONCE) {
      // one result per item (Batch): the error line, and in JSON mode the results as JSON
      assertThat(lines).as(what).hasSize(1);
      if (run.json()) {
        JsonNode results = Json.mapper().readTree(r.out());
        assertThat(results.size()).as(what).isEqualTo(1);
        assertThat(results.get(0).get("ok").asBoolean()).as(what).isFalse();
        assertThat(lines.get(0)).as(what).endsWith(": " + results.get(0).get("error").asText());
      } else {
        assertThat(r.out()).as(what).isEmpty();
      }
    } else {
      assertThat(r.out()).as(what).isEmpty();
      assertThat(lines).as(what).hasSize(2);
      assertThat(lines.get(1))
          .as(what)
          .isEqualTo(
              c.kind() == Kind.AT_MOST_ONCE && network(run.fault())
                  ? "hint: market rentals   (look for it there before renting again: a repeat may"
                      + " rent twice)"
                  : "hint: check that the marketplace is running at "
                      + url
                      + " (or pass --api-url URL); retrying may help");
    }

    int attempts = attempts(run.fault(), c);
    Duration perRequest =
        run.fault() == Fault.HANG ? ATTEMPT.multipliedBy(attempts) : Duration.ZERO;
    Duration bound = perRequest.plus(attempts > 1 ? BACKOFF : Duration.ZERO).plus(SLACK);
    if (c.kind() == Kind.POLLING) {
      bound = WAIT.plus(ATTEMPT.multipliedBy(3)).plus(BACKOFF).plus(SLACK);
      assertThat(run.hits()).as(what).isGreaterThanOrEqualTo(attempts);
    } else {
      assertThat(run.hits()).as(what).isEqualTo(attempts);
    }
    assertThat(run.took()).as(what).isLessThan(bound);
    if (run.fault() == Fault.HANG) {
      assertThat(run.took()).as(what).isGreaterThanOrEqualTo(ATTEMPT.multipliedBy(attempts));
    }
  }

  @Test
  void a_malformed_MARKET_HTTP_TIMEOUT_exits_2_before_any_request() {
    try (FaultyServer server = new FaultyServer(Fault.HANG)) {
      Result r =
          new CliRunner(dir)
              .env("MARKET_API_URL", server.url())
              .env("MARKET_HTTP_TIMEOUT", "soon")
              .run("offerings", "list");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              """
              error: MARKET_HTTP_TIMEOUT: 'soon' is not a duration (e.g. 30s, 10m, 1h30m, 2d)
              hint: MARKET_HTTP_TIMEOUT=10s
              """);
      assertThat(server.requests()).isZero();
    }
  }

  /** How many requests the command sends against {@code fault} (at least, when it polls). */
  private static int attempts(Fault fault, Command c) {
    return !network(fault) || c.kind() == Kind.ONCE ? 1 : c.kind() == Kind.AT_MOST_ONCE ? 2 : 3;
  }

  private static boolean network(Fault fault) {
    return fault == Fault.HANG || fault == Fault.RESET || fault == Fault.TRUNCATED;
  }

  private static String expectedReason(Fault fault, Command c, String url) {
    return switch (fault) {
      case HANG ->
          "no answer from the marketplace at "
              + url
              + "/api/v1 in time (read timeout 300 ms)"
              + (c.kind() == Kind.ONCE || c.kind() == Kind.AT_MOST_ONCE
                  ? ""
                  : " (after 3 attempts)");
      case RESET, TRUNCATED -> "the connection to " + url + "/api/v1 broke (";
      case NOT_JSON ->
          "unreadable answer (HTTP 200, text/html): not the marketplace's JSON envelope";
      case WRONG_SHAPE ->
          c.args().get(0).equals("credentials")
              ? ": encrypted credentials have no 'version'"
              : ": unreadable answer: ";
    };
  }
}
