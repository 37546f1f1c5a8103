package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.provider.ProviderCommand;
import dev.market.protocol.model.RentalTerms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market auto-renew ID on|off}. */
@Command(
    name = "auto-renew",
    description = {
      "Switch auto-renew of one of your rentals on or off.",
      "At its end it renews for its original length when your wallet covers it, otherwise it",
      "completes and you are notified.",
      "-o json: the RentalTerms object."
    })
public final class AutoRenewCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTRACT-ID", description = "Full id or a prefix.")
  String id;

  @Parameters(
      index = "1",
      paramLabel = "on|off",
      completionCandidates = ProviderCommand.AutoAccept.OnOff.class,
      description = "on or off.")
  String value;

  public AutoRenewCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    boolean on;
    switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "yes" -> on = true;
      case "off", "false", "no" -> on = false;
      default ->
          throw dev.market.cli.CliException.usage(
              "auto-renew: '" + value + "' is not on or off", "market auto-renew " + id + " on");
    }
    String contractId = dev.market.cli.commands.ContractIds.forRenter(ctx, "auto-renew", id);
    var sent = ctx.client().terms().autoRenew(contractId, on, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    RentalTerms t = sent.value();
    switch (ctx.printer().format()) {
      case JSON -> ctx.printer().json(t);
      case IDS -> ctx.printer().line(contractId);
      case TABLE ->
          ctx.printer().line("auto-renew " + (Boolean.TRUE.equals(t.autoRenew()) ? "on" : "off"));
    }
    return 0;
  }
}
