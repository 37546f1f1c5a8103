package dev.market.cli.commands.offerings;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.ExitCodes;
import dev.market.cli.Failures;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.Confirm;
import dev.market.client.Outcome;
import dev.market.client.error.ConflictException;
import dev.market.protocol.text.TerminalText;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market offerings delete ID [--yes]}. */
@Command(
    name = "delete",
    description = {
      "Delete one of your offerings. Asks first on a terminal; scripts pass --yes.",
      "An offering that any contract refers to (open or ended) is kept: the marketplace refuses"
          + " (exit 3). Take it off the market instead with: market offerings update ID --draft",
      "Prints the marketplace's answer; -o ids: the id; -o json: {id, message}."
    })
public final class OfferingsDeleteCommand extends BaseCommand {
  @Parameters(paramLabel = "ID", description = "The offering's numeric id (market offerings mine).")
  long id;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  public OfferingsDeleteCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (!yes && !ctx.dryRun()) {
      if (!Confirm.ask(
          ctx,
          "Delete offering " + id + "?",
          "market offerings delete " + id + " --yes",
          "offerings delete " + id)) {
        ctx.err().println("not deleted");
        ctx.err().flush();
        return 0;
      }
    }
    Outcome<String> sent;
    try {
      sent = ctx.client().offerings().delete(id, ctx.requestOptions());
    } catch (ConflictException e) {
      throw new CliException(
          ExitCodes.REFUSED,
          "delete offering " + id + ": " + Failures.reason(e),
          "market offerings update " + id + " --draft");
    }
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    String message = sent.value();
    switch (ctx.printer().format()) {
      case IDS -> ctx.printer().line(Long.toString(id));
      case JSON -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("message", message);
        ctx.printer().json(out);
      }
      case TABLE ->
          ctx.printer()
              .line(
                  (message == null || message.isBlank() ? "deleted" : TerminalText.line(message))
                      + ": offering "
                      + id);
    }
    return 0;
  }
}
