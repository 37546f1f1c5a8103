package dev.market.cli.commands;

import dev.market.cli.CliContext;

/**
 * A noun that only groups subcommands ({@code identity}, {@code offerings}, {@code config}). Alone
 * ({@code market}, {@code market identity}) it prints its help on stdout and succeeds, as gh does:
 * asking what there is is not an error.
 */
public abstract class GroupCommand extends BaseCommand {
  protected GroupCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(ctx.out(), spec.commandLine().getColorScheme());
    ctx.out().flush();
    return 0;
  }
}
