package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.config.CliConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market identity use NAME}: the config's default identity. */
@Command(
    name = "use",
    description =
        "Make NAME the active identity (stored in the config; --identity and MARKET_IDENTITY override it).")
public final class IdentityUseCommand extends BaseCommand {
  @Parameters(paramLabel = "NAME")
  String name;

  public IdentityUseCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (!ctx.identities().exists(name)) {
      throw CliException.identity(
          "identity use " + name + ": no such identity", "market identity list");
    }
    ctx.config().set(CliConfig.IDENTITY, name);
    ctx.err().println("now using identity '" + name + "'");
    ctx.err().flush();
    return 0;
  }
}
