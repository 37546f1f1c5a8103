package dev.market.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/market} launcher as a subprocess, as a user's shell would. */
final class Launchers {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path MARKET = ROOT.resolve("bin/market");
  static final Path MARKET_SERVER = ROOT.resolve("bin/market-server");

  private Launchers() {}

  /** Runs {@code bin/market args} with the given environment additions and standard input. */
  static Run market(Map<String, String> env, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(MARKET.toString());
    command.addAll(List.of(args));
    return run(command, env, stdin);
  }

  /** Runs a shell pipeline with {@code bin/} first on the PATH, for the provider's scripts. */
  static Run shell(Map<String, String> env, String script) {
    Map<String, String> withPath = new java.util.HashMap<>(env);
    withPath.put("PATH", ROOT.resolve("bin") + ":" + System.getenv("PATH"));
    return run(List.of("bash", "-o", "pipefail", "-c", script), withPath, null);
  }

  static Run run(List<String> command, Map<String, String> env, String stdin) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().remove("MARKET_API_URL");
    pb.environment().remove("MARKET_IDENTITY");
    pb.environment().put("NO_COLOR", "1");
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Run(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
