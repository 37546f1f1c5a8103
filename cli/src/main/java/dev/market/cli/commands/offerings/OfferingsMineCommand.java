package dev.market.cli.commands.offerings;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import dev.market.client.Outcome;
import dev.market.protocol.model.Offering;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code market offerings mine}: the provider's own offerings, drafts and private ones too. */
@Command(
    name = "mine",
    description = {
      "List your own offerings as a provider: drafts and non-public ones too.",
      "Table: ID, OFFERING-ID, NAME, TYPE, PER MONTH, STOCK, VISIBILITY, DRAFT.",
      "-o ids: one numeric id per line; -o json: the Offering array as on the wire."
    })
public final class OfferingsMineCommand extends BaseCommand {
  public OfferingsMineCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Outcome<List<Offering>> sent = ctx.client().offerings().mine(ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    List<Offering> mine = sent.value();
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(mine);
      case IDS -> p.ids(mine.stream().map(o -> String.valueOf(o.id())).toList());
      case TABLE -> {
        if (mine.isEmpty()) {
          ctx.err()
              .println("no offerings yet; get a template with: market offerings create --template");
          ctx.err().flush();
          return 0;
        }
        Table t =
            new Table()
                .column("ID")
                .column("OFFERING-ID")
                .shrinkableColumn("NAME")
                .column("TYPE")
                .column("PER MONTH")
                .column("STOCK")
                .column("VISIBILITY")
                .column("DRAFT");
        for (Offering o : mine) {
          t.row(
              o.id(),
              o.offeringId(),
              o.offerName(),
              o.productType(),
              Formats.monthly(o),
              o.stockStatus(),
              o.visibility(),
              Boolean.TRUE.equals(o.isDraft()) ? "yes" : "no");
        }
        p.table(t);
      }
    }
    return 0;
  }
}
