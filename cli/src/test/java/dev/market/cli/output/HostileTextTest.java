package dev.market.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile marketplace puts a bidi override (U+202E, which reorders what follows on screen) and an
 * ESC (the start of every terminal control sequence) into every text it sends. Our server never
 * sends such text, so a fake stands in for it. Whatever path prints it (a table, a detail view, an
 * error line), the one sanitizer shows both escaped and lets neither act.
 */
class HostileTextTest {
  private static final String EVIL = "Box\u202Egpj.exe\u001b[2J\u001b]0;owned\u0007";

  @TempDir Path dir;
  private MockWebServer server;
  private CliRunner cli;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String path = r.getUrl().encodedPath();
            if (path.equals("/api/v1/offerings")) {
              return ok("[" + offering() + "]");
            }
            if (path.equals("/api/v1/offerings/7")) {
              return ok(offering());
            }
            return json(
                404,
                "{\"success\":false,\"error\":\"" + escaped(EVIL) + "\",\"code\":\"not_found\"}");
          }
        });
    server.start();
    cli = new CliRunner(dir).env("MARKET_API_URL", server.url("/").toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_table_shows_bidi_overrides_and_escapes_escaped() {
    Result r = cli.run("offerings", "list");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertSafe(r.out());
    assertThat(r.out()).contains("Box\\u202egpj.exe\\u001b[2J");
  }

  @Test
  void a_detail_view_shows_bidi_overrides_and_escapes_escaped() {
    Result r = cli.run("offerings", "show", "7");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertSafe(r.out());
    assertThat(r.out()).contains("Box\\u202egpj.exe\\u001b[2J");
  }

  @Test
  void an_error_line_shows_bidi_overrides_and_escapes_escaped() {
    Result r = cli.run("offerings", "show", "8");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertSafe(r.err());
    assertThat(r.err()).startsWith("error: get offering 8: Box\\u202egpj.exe\\u001b[2J");
    assertThat(r.err().lines()).hasSize(2); // the error line and its hint, nothing forged
  }

  private static void assertSafe(String output) {
    assertThat(output).doesNotContain("\u202E").doesNotContain("\u001b").doesNotContain("\u0007");
  }

  private static String offering() {
    return "{\"id\":7,\"offering_id\":\"gpu-1\",\"offer_name\":\""
        + escaped(EVIL)
        + "\",\"description\":\""
        + escaped(EVIL)
        + "\",\"product_type\":\"gpu\",\"currency\":\"USD\",\"monthly_price\":10,"
        + "\"datacenter_country\":\"DE\"}";
  }

  /** {@code s} inside a JSON string: the control characters as JSON escapes. */
  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    s.chars()
        .forEach(
            c -> {
              if (c < 0x20) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  private static MockResponse ok(String data) {
    return json(200, "{\"success\":true,\"data\":" + data + "}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
