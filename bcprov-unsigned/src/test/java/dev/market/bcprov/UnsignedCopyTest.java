package dev.market.bcprov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This module's classes are the published jar's, byte for byte, less its signature: the CLI runs
 * them in place of BouncyCastle's own, so nothing may differ but what the JVM checks at start-up.
 */
class UnsignedCopyTest {
  static Path published;
  static Path unpacked;

  @BeforeAll
  static void find() throws Exception {
    // the published jar is on the test class path (the provided-scope dependency), behind
    // target/classes, which holds the same names: its signature file is found in it alone
    URL signature = UnsignedCopyTest.class.getClassLoader().getResource("META-INF/BCRSA204.SF");
    assertThat(signature).as("the published bcprov-jdk18on on the test class path").isNotNull();
    String url = signature.toString();
    published = Paths.get(new URI(url.substring("jar:".length(), url.indexOf("!/"))));
    unpacked = Paths.get("target", "classes");
  }

  @Test
  void everyPublishedEntryButTheSignatureIsCopiedUnchanged() throws IOException {
    List<String> differing = new ArrayList<>();
    TreeSet<String> left = new TreeSet<>();
    int compared = 0;
    try (JarFile jar = new JarFile(published.toFile(), false)) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (isSignatureOrManifest(name)) {
          left.add(name);
          continue;
        }
        Path copy = unpacked.resolve(name);
        byte[] original;
        try (InputStream in = jar.getInputStream(entry)) {
          original = in.readAllBytes();
        }
        if (!Files.isRegularFile(copy) || !Arrays.equals(original, Files.readAllBytes(copy))) {
          differing.add(name);
        }
        compared++;
      }
    }
    assertThat(differing).as("entries missing or changed").isEmpty();
    assertThat(compared).as("files compared").isGreaterThan(5000);
    assertThat(left)
        .containsExactly("META-INF/BCRSA204.RSA", "META-INF/BCRSA204.SF", "META-INF/MANIFEST.MF");
  }

  @Test
  void noSignatureAndNothingElseIsAdded() throws IOException {
    List<String> extra = new ArrayList<>();
    try (JarFile jar = new JarFile(published.toFile(), false);
        Stream<Path> files = Files.walk(unpacked)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> unpacked.relativize(p).toString().replace(File.separatorChar, '/'))
          .filter(name -> isSignatureOrManifest(name) || jar.getJarEntry(name) == null)
          .forEach(extra::add);
    }
    assertThat(extra).isEmpty();
  }

  private static boolean isSignatureOrManifest(String name) {
    return name.equals("META-INF/MANIFEST.MF")
        || (name.startsWith("META-INF/")
            && name.indexOf('/', "META-INF/".length()) < 0
            && (name.endsWith(".SF")
                || name.endsWith(".RSA")
                || name.endsWith(".DSA")
                || name.endsWith(".EC")));
  }
}
