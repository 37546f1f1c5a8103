package dev.market.cli;

import java.io.IOException;
import java.io.InputStream;
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
    if (args.length != 1) {
      return false;
    }
    switch (args[0]) {
      case "-V", "--version" -> {
        for (String line : new VersionProvider().getVersion()) {
          ctx.out().println(line);
        }
        return true;
      }
      case "-h", "--help" -> {
        String help = resource(ctx.color() ? HELP_ANSI : HELP_PLAIN);
        if (help == null) {
          return false;
        }
        ctx.out().print(help);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static String resource(String name) {
    try (InputStream in = FastPath.class.getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
