package dev.market.cli;

import dev.market.cli.io.Resources;
import dev.market.cli.io.Tty;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code market --version} and {@code market --help}, answered without building the command tree.
 * Building it has picocli reflect over some thirty annotated command classes, which was most of the
 * start-up of a command that prints a few lines. The root help is the tree's own output, rendered
 * by the build ({@link dev.market.cli.docs.PrecomputeHelp}, at process-classes) into resources
 * beside these classes; {@code FastPathTest} proves it equals what the tree prints. When the
 * resources are missing (an IDE build that skipped that step) the tree answers as before.
 */
final class FastPath {
  /** Where {@link dev.market.cli.docs.PrecomputeHelp} writes the root help, per colour mode. */
  static final String HELP_PLAIN = "/dev/market/cli/help/market.txt";

  static final String HELP_ANSI = "/dev/market/cli/help/market.ansi.txt";

  private FastPath() {}

  /** Prints the answer and returns true when {@code args} is a lone version or help request. */
  static boolean answer(CliContext ctx, String... args) {
    String text = text(ctx.color(), args);
    if (text == null) {
      return false;
    }
    ctx.out().print(text);
    return true;
  }

  /**
   * The same, before any {@link CliContext} exists ({@link Main}): colour as {@link
   * CliContext#color()} decides it for a lone argument (stdout a terminal, NO_COLOR unset).
   */
  static boolean answer(PrintStream out, String... args) {
    if (args.length != 1) {
      return false;
    }
    String noColor = System.getenv("NO_COLOR");
    boolean color = (noColor == null || noColor.isEmpty()) && Tty.isTerminal(1);
    String text = text(color, args);
    if (text == null) {
      return false;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
    out.flush();
    return true;
  }

  /** What a lone version or help request prints, or null for anything else. */
  private static String text(boolean color, String... args) {
    if (args.length != 1) {
      return null;
    }
    return switch (args[0]) {
      case "-V", "--version" -> {
        StringBuilder b = new StringBuilder();
        for (String line : new VersionProvider().getVersion()) {
          b.append(line).append(System.lineSeparator());
        }
        yield b.toString();
      }
      case "-h", "--help" -> resource(color ? HELP_ANSI : HELP_PLAIN);
      default -> null;
    };
  }

  private static String resource(String name) {
    try {
      byte[] bytes = Resources.read(FastPath.class, name);
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
