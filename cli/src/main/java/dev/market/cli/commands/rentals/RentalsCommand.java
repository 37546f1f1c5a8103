package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.client.Outcome;
import dev.market.protocol.model.Contract;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code market rentals}: my contracts as a renter. */
@Command(
    name = "rentals",
    description = {
      "List your rentals, newest first.",
      "Table: ID (a prefix other commands accept), STATUS, OFFERING, PROVIDER, HOURS, PRICE,",
      "MONEY (held in escrow, paid to the provider, refunded to you), ENDS, RENEW (auto-renew).",
      "-o json: an array of Contract objects as on the wire; -o ids: one full contract id per line."
    })
public final class RentalsCommand extends BaseCommand {
  public RentalsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Outcome<List<Contract>> sent = ctx.client().rentals().list(ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    List<Contract> rentals = sent.value();
    if (rentals.isEmpty() && !ctx.printer().isJson()) {
      ctx.err().println("no rentals yet; find an offering with: market offerings list");
      ctx.err().flush();
      return 0;
    }
    ContractView.printList(ctx.printer(), rentals);
    return 0;
  }
}
