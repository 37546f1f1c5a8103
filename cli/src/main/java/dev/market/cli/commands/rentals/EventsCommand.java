package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import dev.market.client.Outcome;
import dev.market.protocol.model.ContractEvent;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market events ID}: the status history. */
@Command(
    name = "events",
    description = {
      "Show a rental's history, oldest first.",
      "Works for contracts you rent and contracts you provide.",
      "Table: TIME, CHANGE (old -> new), ACTOR (renter, provider, system), DETAILS (with the",
      "reason or memo given, e.g. 'rejected: no capacity').",
      "-o json: an array of events (snake_case, times also ISO-8601); -o ids: one event id per line."
    })
public final class EventsCommand extends BaseCommand {
  @Parameters(paramLabel = "CONTRACT-ID", description = "Full id or a prefix of 8+ characters.")
  String id;

  public EventsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String contractId = ContractIds.forEither(ctx, "events", id);
    Outcome<List<ContractEvent>> sent =
        ctx.client().rentals().events(contractId, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    List<ContractEvent> events = sent.value();
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(events);
      case IDS -> p.ids(events.stream().map(e -> String.valueOf(e.id())).toList());
      case TABLE -> {
        Table t =
            new Table().column("TIME").column("CHANGE").column("ACTOR").shrinkableColumn("DETAILS");
        for (ContractEvent e : events) {
          t.row(Formats.nanos(e.createdAt()), change(e), actor(e.actor()), e.details());
        }
        p.table(t);
      }
    }
    return 0;
  }

  /** The wire says {@code tenant} (Decent Cloud's word); everything we print says renter. */
  static String actor(String wire) {
    return "tenant".equals(wire) ? "renter" : wire;
  }

  private static String change(ContractEvent e) {
    if (e.oldStatus() == null && e.newStatus() == null) {
      return e.eventType();
    }
    if (e.oldStatus() == null) {
      return e.newStatus();
    }
    return e.oldStatus() + " -> " + e.newStatus();
  }
}
