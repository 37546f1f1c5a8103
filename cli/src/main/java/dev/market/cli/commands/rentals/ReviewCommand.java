package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.protocol.model.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market review ID --rating N [--comment TEXT]}. */
@Command(
    name = "review",
    description = {
      "Rate a rental that ended, once: 1 (bad) to 5 (great), with an optional comment.",
      "-o json: the Review object."
    })
public final class ReviewCommand extends BaseCommand {
  @Parameters(paramLabel = "CONTRACT-ID", description = "Full id or a prefix of 8+ characters.")
  String id;

  @Option(names = "--rating", required = true, paramLabel = "1-5", description = "Your rating.")
  int rating;

  @Option(names = "--comment", paramLabel = "TEXT", description = "At most 1000 characters.")
  String comment;

  public ReviewCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (rating < 1 || rating > 5) {
      throw CliException.usage(
          "review: --rating must be 1 to 5, not " + rating, "market review " + id + " --rating 5");
    }
    String contractId = dev.market.cli.commands.ContractIds.forRenter(ctx, "review", id);
    var sent = ctx.client().terms().review(contractId, rating, comment, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    Review r = sent.value();
    switch (ctx.printer().format()) {
      case JSON -> ctx.printer().json(r);
      case IDS -> ctx.printer().line(contractId);
      case TABLE -> ctx.printer().line("reviewed: " + r.rating() + "/5");
    }
    return 0;
  }
}
