package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import dev.market.client.Outcome;
import dev.market.client.error.NotFoundException;
import dev.market.protocol.model.Contract;
import dev.market.protocol.text.TerminalText;
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
      "-o json: {contract_id, password}."
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
    Outcome<String> sent;
    try {
      sent = ctx.client().rentals().credentials(contractId, ctx.requestOptions());
    } catch (NotFoundException e) {
      throw noCredentials(contractId, e);
    }
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    String password = sent.value();
    if (ctx.printer().isJson()) {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("contract_id", contractId);
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

  /**
   * "No credentials" for a contract the renter can see is about its state, not about other renters:
   * say which state, and what fits it.
   */
  private RuntimeException noCredentials(String contractId, NotFoundException e) {
    Contract c;
    try {
      c = ctx.client().rentals().get(contractId);
    } catch (NotFoundException gone) {
      return e; // not this renter's contract: the usual hint fits
    }
    String shortId = ContractView.shortId(contractId);
    if (c.statusValue().isTerminal()) {
      return CliException.refused(
          "credentials for contract "
              + shortId
              + ": there are none: it is "
              + TerminalText.line(c.status())
              + " and no password was sent",
          "market events " + contractId + "   (how it ended)");
    }
    return CliException.refused(
        "credentials for contract "
            + shortId
            + ": none yet: it is "
            + TerminalText.line(c.status())
            + " (the provider sends a password when provisioning, if at all)",
        "market status " + contractId + " --wait provisioned");
  }
}
