package dev.market.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code market --version}: the version the build stamped into a resource. */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "/dev/market/cli/version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"market " + version()};
  }

  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
