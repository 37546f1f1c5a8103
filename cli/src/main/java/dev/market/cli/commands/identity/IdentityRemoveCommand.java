package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.Confirm;
import dev.market.cli.config.CliConfig;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market identity remove NAME}: deletes the key file. */
@Command(
    name = "remove",
    aliases = "rm",
    description = {
      "Delete an identity's key file. Only its seed phrase can bring it back.",
      "Asks first on a terminal; scripts pass --yes."
    })
public final class IdentityRemoveCommand extends BaseCommand {
  @Parameters(paramLabel = "NAME")
  String name;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  public IdentityRemoveCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (!ctx.identities().exists(name)) {
      throw CliException.identity(
          "identity remove " + name + ": no such identity", "market identity list");
    }
    if (!yes
        && !Confirm.ask(
            ctx,
            "Delete identity '" + name + "'? Only its seed phrase can restore it.",
            "market identity remove " + name + " --yes",
            "identity remove " + name)) {
      ctx.err().println("kept identity '" + name + "'");
      ctx.err().flush();
      return 0;
    }
    ctx.identities().remove(name);
    Optional<String> configured = ctx.config().get(CliConfig.IDENTITY);
    if (configured.isPresent() && configured.get().equals(name)) {
      ctx.config().unset(CliConfig.IDENTITY);
    }
    ctx.err().println("removed identity '" + name + "'");
    ctx.err().flush();
    return 0;
  }
}
