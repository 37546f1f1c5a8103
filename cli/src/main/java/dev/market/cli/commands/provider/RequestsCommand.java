package dev.market.cli.commands.provider;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.client.Outcome;
import dev.market.protocol.model.Contract;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code market requests [--all]}: rental requests for my offerings. */
@Command(
    name = "requests",
    description = {
      "List rental requests waiting for your answer (as a provider), newest first.",
      "Table: ID (12 characters; accept, reject and provision take it back as a prefix), OFFERING,"
          + " RENTER, HOURS, AMOUNT, OS, CONTACT, SSH KEY (type and start of the SHA256"
          + " fingerprint), MEMO, REQUESTED (how long ago).",
      "-o ids: one full contract id per line (market requests -o ids | market accept -);"
          + " -o json: the Contract array as on the wire, with the whole SSH key."
    })
public final class RequestsCommand extends BaseCommand {
  @Option(
      names = "--all",
      description = "Every request you ever received, in any state (adds a STATUS column).")
  boolean all;

  public RequestsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Outcome<List<Contract>> sent =
        all
            ? ctx.client().provider().contracts(ctx.requestOptions())
            : ctx.client().provider().pendingRequests(ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    List<Contract> requests = ProviderView.newestFirst(sent.value());
    if (ProviderView.printMachine(ctx.printer(), requests)) {
      return 0;
    }
    if (requests.isEmpty()) {
      ctx.err()
          .println(
              all
                  ? "no rental requests yet; publish an offering with: market offerings create"
                      + " --file FILE"
                  : "no requests waiting for an answer (market requests --all shows every one)");
      ctx.err().flush();
      return 0;
    }
    ctx.printer()
        .table(ProviderView.requests(requests, all, ctx.printer().style(), ctx.clock().instant()));
    return 0;
  }
}
