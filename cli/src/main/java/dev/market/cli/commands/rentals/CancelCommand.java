package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.Confirm;
import dev.market.cli.commands.ContractIds;
import dev.market.client.Outcome;
import dev.market.protocol.text.TerminalText;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market cancel ID [--reason TEXT]}. */
@Command(
    name = "cancel",
    description = {
      "Cancel one of your rentals. Asks first on a terminal; scripts pass --yes.",
      "Prints the marketplace's answer; -o ids: the contract id; -o json: {contract_id, message}."
    })
public final class CancelCommand extends BaseCommand {
  @Parameters(paramLabel = "CONTRACT-ID", description = "Full id or a prefix of 8+ characters.")
  String id;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the history).")
  String reason;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  public CancelCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String contractId = ContractIds.forRenter(ctx, "cancel", id);
    if (!yes && !ctx.dryRun()) {
      String hint =
          "market cancel "
              + contractId
              + (reason == null ? "" : " --reason '" + reason + "'")
              + " --yes";
      if (!Confirm.ask(
          ctx, "Cancel rental " + ContractView.shortId(contractId) + "?", hint, "cancel")) {
        ctx.err().println("not cancelled");
        ctx.err().flush();
        return 0;
      }
    }
    Outcome<String> sent = ctx.client().rentals().cancel(contractId, reason, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    String message = sent.value();
    switch (ctx.printer().format()) {
      case IDS -> ctx.printer().line(contractId);
      case JSON -> {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("contract_id", contractId);
        out.put("message", message);
        ctx.printer().json(out);
      }
      case TABLE ->
          ctx.printer()
              .line(
                  message == null || message.isBlank() ? "cancelled" : TerminalText.line(message));
    }
    return 0;
  }
}
