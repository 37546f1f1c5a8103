package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Formats;
import dev.market.protocol.model.ExtensionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market extend ID --hours N}. */
@Command(
    name = "extend",
    description = {
      "Extend one of your rentals by N hours: charges your wallet and moves the end.",
      "Refused past the offering's maximum length; -o json: {extension_payment_e9s, new_end_timestamp_ns,"
          + " message}."
    })
public final class ExtendCommand extends BaseCommand {
  @Parameters(paramLabel = "CONTRACT-ID", description = "Full id or a prefix of 8+ characters.")
  String id;

  @Option(names = "--hours", required = true, paramLabel = "N", description = "Hours to add.")
  long hours;

  @Option(names = "--memo", paramLabel = "TEXT", description = "Kept in the history.")
  String memo;

  public ExtendCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (hours < 1) {
      throw CliException.usage(
          "extend: --hours must be at least 1", "market extend " + id + " --hours 24");
    }
    String contractId = dev.market.cli.commands.ContractIds.forRenter(ctx, "extend", id);
    var sent = ctx.client().terms().extend(contractId, hours, memo, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    ExtensionResult r = sent.value();
    switch (ctx.printer().format()) {
      case JSON -> ctx.printer().json(r);
      case IDS -> ctx.printer().line(contractId);
      case TABLE ->
          ctx.printer()
              .line(
                  "extended by "
                      + hours
                      + " h for "
                      + Formats.e9s(r.extensionPaymentE9s(), null)
                      + "; ends "
                      + Formats.nanos(r.newEndTimestampNs()));
    }
    return 0;
  }
}
