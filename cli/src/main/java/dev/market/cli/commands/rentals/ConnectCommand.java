package dev.market.cli.commands.rentals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.ExitCodes;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import dev.market.client.ConnectionInfo;
import dev.market.client.Outcome;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.text.TerminalText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market connect ID [--exec]}: the ssh command from the provider's connection details. */
@Command(
    name = "connect",
    description = {
      "Print the ssh command for a provisioned rental, or run it with --exec.",
      "-o json: the connection details (without any password); -o ids: the contract id."
    })
public final class ConnectCommand extends BaseCommand {
  /** Host and user end up on ssh's argv: nothing that ssh could read as an option or a command. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]%]+");

  @Parameters(paramLabel = "CONTRACT-ID", description = "Full id or a prefix of 8+ characters.")
  String id;

  @Option(names = "--exec", description = "Run ssh attached to this terminal; exits with its code.")
  boolean exec;

  public ConnectCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    String contractId = ContractIds.forRenter(ctx, "connect", id);
    Outcome<Contract> sent = ctx.client().rentals().get(contractId, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    Contract c = sent.value();
    if (c.statusValue().isTerminal()) {
      // details may linger on an ended rental; the machine behind them is not the renter's now
      throw CliException.refused(
          "connect contract "
              + ContractView.shortId(contractId)
              + ": it is "
              + TerminalText.line(c.status())
              + ", so there is no machine to connect to",
          "market events " + contractId + "   (how it ended)");
    }
    ConnectionInfo d = ConnectionInfo.of(c);
    String host = d == null ? null : d.host();
    if (host == null) {
      throw CliException.refused(
          "connect contract "
              + ContractView.shortId(contractId)
              + (d == null
                  ? ": no connection details yet (it is " + c.status() + ")"
                  : ": the provider sent no address, only a note (it is " + c.status() + ")"),
          d == null
              ? "market status " + contractId + " --wait provisioned"
              : "market status " + contractId + "   (shows the provider's note)");
    }
    String user = d.user();
    int port = d.port();
    if (!SAFE.matcher(host).matches()
        || !SAFE.matcher(user).matches()
        || user.startsWith("-")
        || host.startsWith("-")) {
      throw CliException.refused(
          "connect contract "
              + ContractView.shortId(contractId)
              + ": the provider's connection details are not a usable host, user and port",
          "market status " + contractId);
    }
    List<String> command =
        new ArrayList<>(List.of("ssh", "-p", String.valueOf(port), user + "@" + host));
    if (exec) {
      if (d.note() != null) {
        ctx.err().println("provider's note: " + TerminalText.block(d.note().strip()));
      }
      ctx.err().println("running: " + String.join(" ", command));
      ctx.err().flush();
      int code = ctx.processRunner().run(command);
      return code;
    }
    switch (ctx.printer().format()) {
      case JSON -> ctx.printer().json(json(d, c));
      case IDS -> ctx.printer().line(contractId);
      case TABLE -> {
        ctx.printer().line(String.join(" ", command));
        if (d.note() != null) {
          ctx.err().println("provider's note: " + TerminalText.block(d.note().strip()));
          ctx.err().flush();
        }
      }
    }
    return ExitCodes.OK;
  }

  /** Where ssh goes, and the provider's details as sent (secrets already removed). */
  private static ObjectNode json(ConnectionInfo d, Contract c) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("host", d.host());
    n.put("port", d.port());
    n.put("user", d.user());
    n.put("via_gateway", d.viaGateway());
    if (d.note() != null) {
      n.put("note", d.note());
    }
    try {
      JsonNode details = Json.mapper().readTree(c.provisioningInstanceDetails());
      if (details != null && details.isObject()) {
        n.set("details", details);
      }
    } catch (JsonProcessingException e) {
      // free text: the note above already carries it
    }
    return n;
  }

  /** The connection details as a short line for the status view, or {@code null}. */
  static String describe(Contract c) {
    ConnectionInfo d = ConnectionInfo.of(c);
    if (d == null) {
      return null;
    }
    return d.host() == null ? d.note() : d.describe();
  }
}
