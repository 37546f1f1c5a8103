package dev.market.cli.commands.offerings;

import dev.market.cli.CliContext;
import dev.market.cli.commands.GroupCommand;
import picocli.CommandLine.Command;

/** {@code market offerings}: browse what providers offer. */
@Command(
    name = "offerings",
    description = "Browse the marketplace's offerings.",
    subcommands = {
      OfferingsListCommand.class,
      OfferingsShowCommand.class,
      OfferingsCreateCommand.class,
      OfferingsMineCommand.class,
      OfferingsUpdateCommand.class,
      OfferingsDeleteCommand.class
    })
public final class OfferingsCommand extends GroupCommand {
  public OfferingsCommand(CliContext ctx) {
    super(ctx);
  }
}
