package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.commands.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code market identity}: the keys requests are signed with. */
@Command(
    name = "identity",
    description = {
      "Create, import and choose the identities you sign with.",
      "An identity is an Ed25519 key derived from a BIP39 seed phrase.",
      "Key files live under MARKET_HOME/identities (or $XDG_CONFIG_HOME/market/identities), mode 0600."
    })
public final class IdentityCommand extends GroupCommand {
  public IdentityCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public List<Class<?>> subcommands() {
    return List.of(
        IdentityNewCommand.class,
        IdentityImportCommand.class,
        IdentityListCommand.class,
        IdentityShowCommand.class,
        IdentityUseCommand.class,
        IdentityRemoveCommand.class);
  }
}
