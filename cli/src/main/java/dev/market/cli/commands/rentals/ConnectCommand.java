package dev.market.cli.commands.rentals;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.ExitCodes;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import dev.market.client.Outcome;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.InstanceDetails;
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
    InstanceDetails d = parse(c.provisioningInstanceDetails());
    String host = d == null ? null : firstNonBlank(d.ipAddress(), d.ipv6Address());
    if (host == null) {
      throw CliException.refused(
          "connect contract "
              + ContractView.shortId(contractId)
              + ": no connection details yet (it is "
              + c.status()
              + ")",
          "market status " + contractId + " --wait provisioned");
    }
    String user = d.sshUser() == null || d.sshUser().isBlank() ? "root" : d.sshUser().trim();
    int port = d.sshPort() == null ? 22 : d.sshPort();
    if (!SAFE.matcher(host).matches()
        || !SAFE.matcher(user).matches()
        || user.startsWith("-")
        || host.startsWith("-")
        || port < 1
        || port > 65_535) {
      throw CliException.refused(
          "connect contract "
              + ContractView.shortId(contractId)
              + ": the provider's connection details are not a usable host, user and port",
          "market status " + contractId);
    }
    List<String> command =
        new ArrayList<>(List.of("ssh", "-p", String.valueOf(port), user + "@" + host));
    if (exec) {
      if (d.additionalDetails() != null && !d.additionalDetails().isBlank()) {
        ctx.err().println("provider's note: " + TerminalText.block(d.additionalDetails().strip()));
      }
      ctx.err().println("running: " + String.join(" ", command));
      ctx.err().flush();
      int code = ctx.processRunner().run(command);
      return code;
    }
    switch (ctx.printer().format()) {
      case JSON -> ctx.printer().json(d.withoutSecret());
      case IDS -> ctx.printer().line(contractId);
      case TABLE -> {
        ctx.printer().line(String.join(" ", command));
        if (d.additionalDetails() != null && !d.additionalDetails().isBlank()) {
          ctx.err()
              .println("provider's note: " + TerminalText.block(d.additionalDetails().strip()));
          ctx.err().flush();
        }
      }
    }
    return ExitCodes.OK;
  }

  /** The connection details as a short line for the status view, or {@code null}. */
  static String describe(Contract c) {
    InstanceDetails d = parse(c.provisioningInstanceDetails());
    if (d == null) {
      return null;
    }
    String host = firstNonBlank(d.ipAddress(), d.ipv6Address());
    if (host == null) {
      return null;
    }
    return (d.sshUser() == null ? "root" : d.sshUser())
        + "@"
        + host
        + " port "
        + (d.sshPort() == null ? 22 : d.sshPort());
  }

  /** Details a provider sent; not JSON (e.g. a failure reason) means no connection details. */
  static InstanceDetails parse(String json) {
    if (json == null || json.isBlank() || !json.strip().startsWith("{")) {
      return null;
    }
    try {
      return Json.mapper().readValue(json, InstanceDetails.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b != null && !b.isBlank() ? b.trim() : null;
  }
}
