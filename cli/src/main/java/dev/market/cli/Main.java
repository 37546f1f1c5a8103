package dev.market.cli;

/** The {@code market} command's entry point ({@code bin/market}). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try (CliContext ctx = CliContext.system()) {
      code = new Cli(ctx).execute(args);
    }
    System.exit(code);
  }
}
