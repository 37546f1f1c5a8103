package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the start-up archive needs from the classes on the way to every command
 * (docs/performance.md, "CLI start-up"): class-file version 61 (Java 17), which CDS and the AOT
 * cache archive (picocli's published jar is version 49), and no string concatenation by
 * invokedynamic, whose sites spin method-handle classes at their first run that JDK 17's archive
 * cannot hold. A build that kept picocli-17's classes from before its {@code
 * -XDstringConcat=inline} (the compiler plugin does not recompile when only its flags change) fails
 * here.
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
}
