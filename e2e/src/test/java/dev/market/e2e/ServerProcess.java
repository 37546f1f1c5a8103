package dev.market.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real {@code bin/market-server}, started on port 0 and stopped with SIGTERM. */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final String url;
  private final CompletableFuture<String> stderr;

  private ServerProcess(Process process, String url, CompletableFuture<String> stderr) {
    this.process = process;
    this.url = url;
    this.stderr = stderr;
  }

  /** Starts the server on a free port with {@code db} (a file path or a JDBC URL) and the demo. */
  static ServerProcess start(String db) {
    List<String> command =
        List.of(Launchers.MARKET_SERVER.toString(), "--port", "0", "--db", db, "--demo");
    ProcessBuilder pb = new ProcessBuilder(command).directory(Launchers.ROOT.toFile());
    try {
      Process p = pb.start();
      // stderr is kept for failure messages; a stream closed by the stop is not an error
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(
              () -> {
                StringBuilder text = new StringBuilder();
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    text.append(line).append('\n');
                  }
                } catch (IOException closed) {
                  text.append("(stderr closed)\n");
                }
                return text.toString();
              });
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (first == null || !first.startsWith("listening on http://")) {
        p.destroyForcibly();
        throw new AssertionError(
            "server did not start: first line " + first + "\n" + err.getNow("(stderr pending)"));
      }
      // keep draining stdout so the server never blocks on a full pipe
      var unused =
          CompletableFuture.runAsync(
              () -> {
                try {
                  while (out.readLine() != null) {
                    // discard
                  }
                } catch (IOException ignored) {
                  // the process ended
                }
              });
      return new ServerProcess(p, first.substring("listening on ".length()).trim(), err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return url;
  }

  /** SIGTERM, then the exit code (0 on a clean shutdown). */
  int stop() {
    // the handle only signals; Process.destroy() would also close our end of its stderr
    process.toHandle().destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("server did not stop within 30 s of SIGTERM");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** What the server logged; complete once it has exited. */
  String stderr() {
    if (process.isAlive()) {
      return stderr.getNow("(server still running)");
    }
    try {
      return stderr.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return "(stderr unavailable: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    for (String line : s.split("\n", -1)) {
      if (!line.isBlank()) {
        out.add(line.trim());
      }
    }
    return out;
  }
}
