package dev.market.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.client.auth.IdentityStore;
import dev.market.protocol.crypto.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status --wait}: with {@code -o json} it prints the state it last saw on every exit, also
 * when the wait ends in a failure that is not a timeout (exits 6 and 8 are in RenterFlowTest); an
 * outage while polling is said once on stderr. A marketplace answering a poll with 403 or 503
 * between good answers is not something the real server can be made to do on demand, so a
 * MockWebServer plays it.
 */
class WaitingTest {
  static final String ID = "c".repeat(64);

  @TempDir Path dir;
  MockWebServer server;
  CliRunner cli;
  final AtomicInteger polls = new AtomicInteger();

  /** What each poll gets, in order (a status, "403" or "503"); the last one repeats. */
  String[] script = {"pending", "403"};

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            int n = polls.incrementAndGet();
            String answer = n <= script.length ? script[n - 1] : script[script.length - 1];
            return switch (answer) {
              case "403" ->
                  json(
                      403,
                      "{\"success\":false,\"error\":\"not your contract\","
                          + "\"code\":\"forbidden\"}");
              case "503" ->
                  json(
                      503,
                      "{\"success\":false,\"error\":\"down for maintenance\","
                          + "\"code\":\"unavailable\"}");
              default ->
                  json(
                      200,
                      "{\"success\":true,\"data\":{\"contract_id\":\""
                          + ID
                          + "\",\"status\":\""
                          + answer
                          + "\",\"created_at_ns\":1795694400000000000}}");
            };
          }
        });
    server.start();
    new IdentityStore(dir.resolve("market-home").resolve("identities"))
        .save(
            "me",
            Identity.fromMnemonic(
                "legal winner thank year wave sausage worth useful legal winner thank yellow"),
            null);
    cli =
        new CliRunner(dir)
            .env("MARKET_API_URL", server.url("/").toString())
            .env("MARKET_IDENTITY", "me")
            .clientCustomizer(
                b ->
                    b.maxAttempts(1)
                        .pollBackoff(Duration.ofMillis(10), Duration.ofMillis(10))
                        .readTimeout(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void a_wait_refused_part_way_still_prints_the_state_last_seen() {
    Result r = cli.run("status", ID, "--wait", "active", "--timeout", "1m", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.out())
        .isEqualTo(
            "{\n  \"contract_id\" : \""
                + ID
                + "\",\n  \"created_at\" : \"2026-11-26T12:00:00Z\",\n"
                + "  \"created_at_ns\" : 1795694400000000000,\n"
                + "  \"status\" : \"pending\"\n}\n");
    assertThat(r.err()).startsWith("error: ");
    assertThat(polls.get()).isEqualTo(2);
  }

  @Test
  void polling_through_an_outage_is_said_once_on_stderr() {
    script = new String[] {"pending", "503", "503", "503", "active"};

    Result r = cli.run("status", ID, "--wait", "active", "--timeout", "1m", "-o", "ids");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(ID + "\n");
    assertThat(r.err())
        .isEqualTo(
            "the marketplace does not answer (down for maintenance); still waiting for contract "
                + ID.substring(0, 12)
                + " until the timeout\n");
    assertThat(polls.get()).isEqualTo(5);
  }
}
