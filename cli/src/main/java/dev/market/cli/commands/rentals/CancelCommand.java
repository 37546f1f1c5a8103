package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.Confirm;
import dev.market.cli.commands.ContractIds;
import dev.market.cli.commands.provider.Batch;
import dev.market.client.Outcome;
import dev.market.protocol.text.TerminalText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market cancel ID... | - [--reason TEXT]}. */
@Command(
    name = "cancel",
    description = {
      "Cancel your rentals. Asks first on a terminal; scripts pass --yes.",
      "One id: prints the marketplace's answer; -o ids: the contract id; -o json:",
      "{contract_id, message}.",
      "Several ids or '-': like accept and reject, 'cancelled ID' per contract on stdout and one",
      "'error:' line per failure on stderr, the exit code the most severe failure's; -o ids: the",
      "cancelled ids; -o json: an array of {contract_id, ok, error?}."
    })
public final class CancelCommand extends BaseCommand {
  @Parameters(
      paramLabel = "CONTRACT-ID",
      arity = "1..*",
      description =
          "Full ids or unique prefixes (8+ characters); '-' reads ids from stdin, one per line.")
  List<String> ids;

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
    if (ids.size() > 1 || ids.contains("-")) {
      return cancelMany();
    }
    String contractId = ContractIds.forRenter(ctx, "cancel", ids.get(0));
    if (!confirmed(contractId, "Cancel rental " + ContractView.shortId(contractId) + "?")) {
      return 0;
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

  private int cancelMany() {
    List<String> given = ContractIds.expand(ctx, ids);
    if (given.isEmpty()) {
      ctx.err().println("cancel: no contract ids on stdin; nothing to do");
      ctx.err().flush();
      return 0;
    }
    String what =
        given.size() == 1
            ? "rental " + TerminalText.line(given.get(0))
            : given.size() + " rentals (" + TerminalText.line(String.join(", ", given)) + ")";
    if (!confirmed(String.join(" ", given), "Cancel " + what + "?")) {
      return 0;
    }
    return Batch.run(
        ctx,
        ContractIds.Side.RENTER,
        "cancel",
        "cancelled",
        given,
        id -> ctx.client().rentals().cancel(id, reason, ctx.requestOptions()));
  }

  /** Yes without asking under --yes or --dry-run; else the person's answer. */
  private boolean confirmed(String idsForHint, String question) {
    if (yes || ctx.dryRun()) {
      return true;
    }
    String hint =
        "market cancel "
            + idsForHint
            + (reason == null ? "" : " --reason '" + reason.replace("'", "'\\''") + "'")
            + " --yes";
    if (Confirm.ask(ctx, question, hint, "cancel")) {
      return true;
    }
    ctx.err().println("not cancelled");
    ctx.err().flush();
    return false;
  }
}
