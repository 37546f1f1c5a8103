package dev.market.cli.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard descriptor is a terminal, asked without loading JLine. */
public final class Tty {
  private Tty() {}

  /**
   * On Linux the descriptor's link names the device; elsewhere {@code System.console()} (which
   * needs both stdin and stdout to be terminals) is the best the JDK offers. The console is asked
   * only then: on JDK 22+ its first call loads the JDK's own JLine console provider, several
   * milliseconds of a {@code market --version}.
   */
  public static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // on Java 17-21 null means "not both stdin and stdout are terminals" (JDK 22+ answers
      // non-null always, so there this fallback says "terminal")
      @SuppressWarnings("SystemConsoleNull")
      boolean console = System.console() != null;
      return console;
    }
  }
}
