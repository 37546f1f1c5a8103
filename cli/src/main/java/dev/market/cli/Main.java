package dev.market.cli;

/** The {@code market} command's entry point ({@code bin/market}). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // A lone --version or --help is printed before anything else is set up, and main returns
    // (status 0: no other thread was started) rather than calling System.exit, whose exit event
    // starts the platform logger on JDK 21+.
    if (FastPath.answer(System.out, args)) {
      return;
    }
    System.exit(run(CliContext.system(), args));
  }

  /** One run on {@code ctx}, which it closes; also what {@link ArchiveTraining} runs. */
  static int run(CliContext ctx, String... args) {
    try (ctx) {
      return new Cli(ctx).execute(args);
    }
  }
}
