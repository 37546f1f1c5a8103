package dev.market.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bin/market's start-up archive (CDS on JDK 17-24, an AOT cache on 25+) may only ever cost speed:
 * with the archive made, corrupt, stale or missing, every command prints the same and exits the
 * same. Runs on a copy of the distribution, under the JDK running the tests and, when JDK25_HOME
 * names one, under JDK 25 too.
 */
class LauncherArchiveE2eTest {
  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("--version"),
          List.of("--help"),
          List.of("offerings", "--help"),
          List.of(
              "--dry-run", "offerings", "list", "-o", "json", "--api-url", "http://127.0.0.1:9"));

  @TempDir Path dist;
  @TempDir Path home;

  static Stream<String> jdks() {
    List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
    String jdk25 = System.getenv("JDK25_HOME");
    if (jdk25 != null && Files.isExecutable(Path.of(jdk25, "bin", "java"))) {
      homes.add(jdk25);
    }
    return homes.stream();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void a_corrupt_stale_or_missing_archive_changes_nothing_but_speed(String javaHome)
      throws Exception {
    copyDistribution();
    Path launcher = dist.resolve("bin/market");
    Map<String, String> env = Map.of("JAVA_HOME", javaHome, "MARKET_HOME", home.toString());

    Run train = Launchers.run(List.of(launcher.toString(), "--cds-train"), env, null);
    assertThat(train.exitCode()).isZero();
    Path archive = onlyArchive();
    int feature = Runtime.version().feature();
    if (javaHome.equals(System.getProperty("java.home"))) {
      assertThat(archive.getFileName().toString())
          .as("an AOT cache on 25+, a CDS archive before")
          .endsWith(feature >= 25 ? ".aot" : ".jsa")
          .contains(System.getProperty("java.runtime.version"));
    }
    Map<String, Run> expected = runAll(launcher, env);
    expected.values().forEach(r -> assertThat(r.exitCode()).as(r.toString()).isZero());

    Files.write(
        archive, "not an archive".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(runAll(launcher, env)).as("corrupt archive").isEqualTo(expected);

    Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
    assertThat(runAll(launcher, env)).as("archive older than the jars").isEqualTo(expected);
    awaitRetraining(archive);

    // the build stamps every jar with one fixed mtime: a rebuilt jar looks no newer by mtime
    FileTime remade = Files.getLastModifiedTime(archive);
    Path jar = dist.resolve("lib/cli").resolve(cliJarName());
    FileTime stamp = Files.getLastModifiedTime(jar);
    Thread.sleep(1100); // ctime has one-second resolution on some file systems
    Files.write(jar, Files.readAllBytes(jar));
    Files.setLastModifiedTime(jar, stamp);
    assertThat(runAll(launcher, env)).as("a jar rewritten after the archive").isEqualTo(expected);
    awaitRetraining(archive);
    assertThat(Files.getLastModifiedTime(archive))
        .as("remade after a jar was rewritten")
        .isGreaterThan(remade);

    Files.delete(archive);
    assertThat(runAll(launcher, env)).as("no archive").isEqualTo(expected);
    awaitRetraining(archive);
    assertThat(archive).as("remade in the background").exists();
  }

  /**
   * The archive holds the signing path (the training signs with an identity of its own, in a home
   * of its own): a signed command loads BouncyCastle from it, not from the jar, and the training
   * wrote nothing into the MARKET_HOME it was started with.
   */
  @ParameterizedTest
  @MethodSource("jdks")
  void a_signed_command_loads_bouncycastle_from_the_archive(String javaHome) throws Exception {
    copyDistribution();
    Path launcher = dist.resolve("bin/market");
    Map<String, String> env = Map.of("JAVA_HOME", javaHome, "MARKET_HOME", home.toString());

    Run train = Launchers.run(List.of(launcher.toString(), "--cds-train"), env, null);
    assertThat(train.exitCode()).isZero();
    onlyArchive();
    try (Stream<Path> left = Files.list(home)) {
      assertThat(left).as("the training's files in the user's MARKET_HOME").isEmpty();
    }
    String phrase =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " about\n";
    Run imported =
        Launchers.run(List.of(launcher.toString(), "identity", "import", "ci"), env, phrase);
    assertThat(imported.exitCode()).as(imported.toString()).isZero();

    Path log = home.resolve("class-load.log");
    Map<String, String> logging = new LinkedHashMap<>(env);
    logging.put("MARKET_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    Run signed =
        Launchers.run(
            List.of(launcher.toString(), "--dry-run", "rentals", "--api-url", "http://127.0.0.1:9"),
            logging,
            null);

    assertThat(signed.exitCode()).as(signed.toString()).isZero();
    assertThat(signed.stdout()).contains("X-Signature: ");
    List<String> bouncyCastle =
        Files.readAllLines(log).stream()
            .filter(l -> l.contains(" org.bouncycastle.math.ec.rfc8032.Ed25519 "))
            .toList();
    assertThat(bouncyCastle).hasSize(1);
    assertThat(bouncyCastle.get(0)).contains("source: shared objects file");
  }

  private Map<String, Run> runAll(Path launcher, Map<String, String> env) {
    Map<String, Run> runs = new LinkedHashMap<>();
    for (List<String> args : COMMANDS) {
      List<String> command = new ArrayList<>(List.of(launcher.toString()));
      command.addAll(args);
      runs.put(String.join(" ", args), Launchers.run(command, env, null));
    }
    return runs;
  }

  /** The launcher retrains in the background under a lock directory; wait until it is done. */
  private static void awaitRetraining(Path archive) throws InterruptedException {
    Path lock = archive.resolveSibling(archive.getFileName() + ".lock");
    for (int i = 0; i < 1200 && Files.exists(lock); i++) {
      Thread.sleep(100);
    }
    assertThat(lock).as("background training still running after 2 minutes").doesNotExist();
  }

  private String cliJarName() throws IOException {
    try (Stream<Path> jars = Files.list(dist.resolve("lib/cli"))) {
      return jars.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("cli-"))
          .findFirst()
          .orElseThrow();
    }
  }

  private Path onlyArchive() throws IOException {
    try (Stream<Path> files = Files.list(dist.resolve("lib"))) {
      List<Path> archives =
          files.filter(p -> p.getFileName().toString().startsWith("market-cli-")).toList();
      assertThat(archives).hasSize(1);
      return archives.get(0);
    }
  }

  private void copyDistribution() throws IOException {
    Path bin = Files.createDirectories(dist.resolve("bin"));
    Files.copy(Launchers.MARKET, bin.resolve("market"), StandardCopyOption.COPY_ATTRIBUTES);
    Path cli = Files.createDirectories(dist.resolve("lib/cli"));
    try (Stream<Path> jars = Files.list(Launchers.ROOT.resolve("dist/target/market/lib/cli"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, cli.resolve(jar.getFileName()));
      }
    }
  }
}
