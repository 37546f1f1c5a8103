package dev.market.cli.commands.offerings;

import dev.market.cli.CliContext;
import dev.market.cli.commands.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code market offerings}: browse what providers offer. */
@Command(name = "offerings", description = "Browse the marketplace's offerings.")
public final class OfferingsCommand extends GroupCommand {
  public OfferingsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public List<Class<?>> subcommands() {
    return List.of(
        OfferingsListCommand.class,
        OfferingsShowCommand.class,
        OfferingsCreateCommand.class,
        OfferingsMineCommand.class,
        OfferingsUpdateCommand.class,
        OfferingsDeleteCommand.class);
  }
}
