package dev.market.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.market.server.support.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher contract of ServerMain, in a real child JVM. */
class ServerMainTest {
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private record Run(int exit, String out, String err) {
    List<String> reasonLines() {
      return err.lines().filter(l -> l.startsWith("market-server:")).toList();
    }
  }

  private static Process spawn(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path")));
    cmd.add(ServerMain.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).start();
  }

  private static Run run(String... args) throws Exception {
    Process p = spawn(args);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void assertNoStackTrace(Run r) {
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test
  void help_prints_usage_and_exits_0() throws Exception {
    Run r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("usage: market-server").contains("--port").contains("--db");
  }

  @Test
  void an_unknown_flag_exits_2_naming_it() throws Exception {
    Run r = run("--bogus");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.reasonLines()).containsExactly("market-server: unknown option --bogus");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void a_taken_port_exits_1_with_one_reason_line() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r =
          run(
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--db",
              TestDatabases.freshSqlite());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.reasonLines()).hasSize(1);
      assertThat(r.reasonLines().get(0)).startsWith("market-server: cannot listen on 127.0.0.1:");
      assertThat(r.out()).isEmpty();
      assertNoStackTrace(r);
    }
  }

  @Test
  void an_unreachable_database_exits_1_with_one_reason_line() throws Exception {
    Run r = run("--port", "0", "--db", "jdbc:postgresql://127.0.0.1:1/market?user=x&password=pw");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.reasonLines()).hasSize(1);
    assertThat(r.reasonLines().get(0)).startsWith("market-server: cannot connect to");
    assertThat(r.err()).doesNotContain("password=pw");
    assertNoStackTrace(r);
  }

  @Test
  void a_file_that_is_not_a_database_exits_1_with_one_reason_line() throws Exception {
    Path junk = Files.createTempFile("market-junk", ".db");
    Files.write(junk, "this is not a sqlite database, just text".repeat(100).getBytes(UTF_8));
    Run r = run("--port", "0", "--db", junk.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.reasonLines()).hasSize(1);
    assertNoStackTrace(r);
  }

  @Test
  void it_prints_one_listening_line_serves_and_stops_on_sigterm() throws Exception {
    Path out = Files.createTempFile("market-server", ".out");
    Path err = Files.createTempFile("market-server", ".err");
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path")));
    cmd.addAll(
        List.of(
            ServerMain.class.getName(),
            "--port",
            "0",
            "--db",
            TestDatabases.freshSqlite(),
            "--demo"));
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String line = "";
      while (line.isEmpty() && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(100);
        line = Files.readString(out).strip();
      }
      Matcher mt = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(line);
      assertThat(mt.matches()).as(line).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + mt.group(1);
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> offerings =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/offerings")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(offerings.body()).contains("\"offering_id\"");

      p.destroy(); // SIGTERM: the shutdown hook stops Jetty gracefully and closes the pools
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readAllLines(out)).hasSize(1);
      Run r = new Run(p.exitValue(), "", Files.readString(err));
      assertNoStackTrace(r);
    } finally {
      p.destroyForcibly();
    }
  }
}
