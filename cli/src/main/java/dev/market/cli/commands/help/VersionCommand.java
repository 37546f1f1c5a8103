package dev.market.cli.commands.help;

import dev.market.cli.CliContext;
import dev.market.cli.VersionProvider;
import dev.market.cli.commands.BaseCommand;
import picocli.CommandLine.Command;

/** {@code market version}: what {@code market --version} prints, as a command people type. */
@Command(name = "version", description = "Print the version (same as market --version).")
public final class VersionCommand extends BaseCommand {
  public VersionCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    for (String line : new VersionProvider().getVersion()) {
      ctx.out().println(line);
    }
    ctx.out().flush();
    return 0;
  }
}
