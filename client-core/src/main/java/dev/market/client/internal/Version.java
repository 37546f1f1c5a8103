package dev.market.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, filtered in from the pom at build time. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when run from unfiltered classes. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.isBlank() || v.contains("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
