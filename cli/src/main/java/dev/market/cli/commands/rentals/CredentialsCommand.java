package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import dev.market.client.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market credentials ID}: the root password, decrypted here with the renter's key. */
@Command(
    name = "credentials",
    description = {
      "Print a rental's root password, decrypted with your key.",
      "The marketplace only holds it encrypted to your key; it is decrypted here. Prints just the password (also with -o ids), so it pipes cleanly;",
      "-o json: {contractId, password}."
    })
public final class CredentialsCommand extends BaseCommand {
  @Parameters(paramLabel = "CONTRACT-ID", description = "Full id or a prefix of 8+ characters.")
  String id;

  public CredentialsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String contractId = ContractIds.forRenter(ctx, "credentials", id);
    Outcome<String> sent = ctx.client().rentals().credentials(contractId, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    String password = sent.value();
    if (ctx.printer().isJson()) {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("contractId", contractId);
      out.put("password", password);
      ctx.printer().json(out);
    } else {
      if (ctx.terminal().stdoutIsTerminal()) {
        ctx.err().println("warning: the password is shown on screen; pipe it to keep it off");
        ctx.err().flush();
      }
      ctx.printer().line(password);
    }
    return 0;
  }
}
