package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the start-up archive needs from the classes on the way to every command
 * (docs/performance.md, "CLI start-up"): class-file version 61 (Java 17), which CDS and the AOT
 * cache archive (picocli's published jar is version 49), and no string concatenation by
 * invokedynamic, whose sites spin method-handle classes at their first run that JDK 17's archive
 * cannot hold. A build that kept picocli-17's classes from before its {@code
 * -XDstringConcat=inline} (the compiler plugin does not recompile when only its flags change) fails
 * here. And no signed jar: CDS and the AOT cache leave a signed jar's classes out, and the JVM
 * verifies the jar against its signature when it first loads a class from it; bcprov-jdk18on is
 * signed, so the CLI runs dev.market:bcprov-unsigned (the same classes) in its place.
 */
class ArchivableClassesTest {

  static List<String> classes() {
    return List.of(
        "picocli/CommandLine.class",
        "picocli/CommandLine$Model$TypedMember.class",
        "picocli/CommandLine$Model$ArgSpec$Builder.class",
        "picocli/CommandLine$Help$Ansi$Style.class",
        "picocli/CommandLine$Help$ColorScheme.class",
        "dev/market/cli/Cli.class",
        "dev/market/cli/CliContext.class",
        "dev/market/client/MarketClient.class",
        "dev/market/protocol/json/Json.class");
  }

  @ParameterizedTest
  @MethodSource("classes")
  void is_java_17_bytecode_without_invokedynamic_string_concatenation(String resource)
      throws IOException {
    byte[] bytes;
    try (InputStream in = Cli.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      bytes = in.readAllBytes();
    }
    int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
    assertThat(major).as("class-file version of %s", resource).isEqualTo(61);
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
        .as("%s names StringConcatFactory's bootstrap", resource)
        .doesNotContain("makeConcatWithConstants");
  }

  /** A class from each jar the CLI runs on. */
  static List<Class<?>> runtimeJars() {
    return List.of(
        org.bouncycastle.math.ec.rfc8032.Ed25519.class,
        picocli.CommandLine.class,
        okhttp3.OkHttpClient.class,
        okio.Buffer.class,
        kotlin.Unit.class,
        com.fasterxml.jackson.databind.ObjectMapper.class,
        com.fasterxml.jackson.core.JsonFactory.class,
        org.jline.terminal.Terminal.class,
        net.thisptr.jackson.jq.JsonQuery.class,
        dev.market.client.MarketClient.class,
        dev.market.protocol.json.Json.class);
  }

  @ParameterizedTest
  @MethodSource("runtimeJars")
  void comes_from_an_unsigned_jar(Class<?> cls) throws Exception {
    Path source = Path.of(cls.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> signatures = new ArrayList<>();
    if (Files.isDirectory(source)) {
      // a module's target/classes, when the reactor stops short of packaging it
      File[] metaInf = source.resolve("META-INF").toFile().listFiles();
      for (File f : metaInf == null ? new File[0] : metaInf) {
        if (isSignature("META-INF/" + f.getName())) {
          signatures.add(f.getName());
        }
      }
    } else {
      try (JarFile file = new JarFile(source.toFile(), false)) {
        for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
          String name = e.nextElement().getName();
          if (isSignature(name)) {
            signatures.add(name);
          }
        }
      }
    }
    assertThat(signatures)
        .as("signature files in %s, which holds %s", source, cls.getName())
        .isEmpty();
  }

  private static boolean isSignature(String name) {
    return name.startsWith("META-INF/")
        && name.indexOf('/', "META-INF/".length()) < 0
        && name.toUpperCase(Locale.ROOT).endsWith(".SF");
  }
}
