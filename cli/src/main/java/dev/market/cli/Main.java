package dev.market.cli;

/** The {@code market} command's entry point ({@code bin/market}). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(CliContext.system(), args));
  }

  /** One run on {@code ctx}, which it closes; also what {@link ArchiveTraining} runs. */
  static int run(CliContext ctx, String... args) {
    try (ctx) {
      return new Cli(ctx).execute(args);
    }
  }
}
