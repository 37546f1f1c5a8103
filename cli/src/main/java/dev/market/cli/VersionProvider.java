package dev.market.cli;

import dev.market.cli.io.Resources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
    try {
      byte[] bytes = Resources.read(VersionProvider.class, RESOURCE);
      if (bytes == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(new ByteArrayInputStream(bytes));
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
