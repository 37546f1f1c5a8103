package dev.market.cli.commands.provider;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.ExitCodes;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import dev.market.client.Outcome;
import dev.market.client.Provisioning;
import dev.market.client.error.RefusedException;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.InstanceDetails;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market provision ID --start|--done|--failed|--activate|--cancel}: report progress. */
@Command(
    name = "provision",
    description = {
      "Report a provisioning step of one of your contracts as its provider.",
      "--done sends the connection details; the root password is read from stdin"
          + " (--password-stdin) or a details file, never from the command line, and the"
          + " marketplace keeps it only encrypted to the renter.",
      "Prints '<new status> ID'; -o ids: the id; -o json: {contract_id, status, message}."
    })
public final class ProvisionCommand extends BaseCommand {
  /** The keys of docs/protocol.md section 7's instanceDetails object. */
  static final List<String> DETAIL_KEYS =
      List.of(
          "ip_address",
          "ipv6_address",
          "ssh_port",
          "ssh_user",
          "root_password",
          "additional_details");

  @Parameters(paramLabel = "CONTRACT-ID", description = "Full id or a unique prefix (8+ chars).")
  String id;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nStep (exactly one):%n", order = 1)
  Step step;

  /** The step being reported; picocli enforces exactly one. */
  static final class Step {
    @Option(
        names = "--start",
        required = true,
        description = "Setting it up has begun (accepted -> provisioning).")
    boolean start;

    @Option(
        names = "--done",
        required = true,
        description = "It is ready: send the connection details (-> provisioned).")
    boolean done;

    @Option(
        names = "--failed",
        required = true,
        description = "It could not be set up; needs --reason (-> provisioningfailed).")
    boolean failed;

    @Option(
        names = "--activate",
        required = true,
        description = "The renter is using it (provisioned -> active).")
    boolean activate;

    @Option(
        names = "--cancel",
        required = true,
        description = "End it early as the provider; needs --reason (-> cancelled).")
    boolean cancel;
  }

  @ArgGroup(exclusive = false, heading = "%nConnection details (with --done):%n", order = 2)
  Details details = new Details();

  /** What --done sends; flags override a details file's values. */
  static final class Details {
    @Option(names = "--ip", paramLabel = "ADDRESS", description = "IPv4 address or host name.")
    String ip;

    @Option(names = "--ipv6", paramLabel = "ADDRESS", description = "IPv6 address.")
    String ipv6;

    @Option(names = "--port", paramLabel = "PORT", description = "SSH port (default 22).")
    Integer port;

    @Option(names = "--user", paramLabel = "NAME", description = "SSH user (default root).")
    String user;

    @Option(
        names = "--password-stdin",
        description = "Read the root password from stdin (one line).")
    boolean passwordStdin;

    @Option(
        names = "--instructions",
        paramLabel = "TEXT",
        description = "Connection instructions for the renter (additional_details).")
    String instructions;

    @Option(
        names = "--details-file",
        paramLabel = "FILE",
        description =
            "A JSON object with the keys of docs/protocol.md section 7: ip_address, ipv6_address,"
                + " ssh_port, ssh_user, root_password, additional_details; '-' reads stdin.")
    String file;

    boolean any() {
      return ip != null
          || ipv6 != null
          || port != null
          || user != null
          || passwordStdin
          || instructions != null
          || file != null;
    }
  }

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why it failed or was cancelled; the renter sees it.")
  String reason;

  public ProvisionCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    ContractStatus target = target();
    String flag = "--" + flag(target);
    if (details.any() && target != ContractStatus.PROVISIONED) {
      throw CliException.usage(
          "provision: connection details go only with --done, not with " + flag,
          "market provision --help");
    }
    boolean needsReason =
        target == ContractStatus.PROVISIONING_FAILED || target == ContractStatus.CANCELLED;
    if (reason != null && !needsReason) {
      throw CliException.usage(
          "provision: --reason goes only with --failed or --cancel, not with " + flag,
          "market provision --help");
    }
    if (needsReason && (reason == null || reason.isBlank())) {
      throw CliException.usage(
          "provision " + id + " " + flag + ": --reason TEXT is required",
          "market provision " + id + " " + flag + " --reason 'what happened'");
    }
    Provisioning step =
        switch (target) {
          case PROVISIONING -> Provisioning.started();
          case PROVISIONED -> Provisioning.done(instanceDetails());
          case PROVISIONING_FAILED -> Provisioning.failed(reason);
          case ACTIVE -> Provisioning.active();
          default -> Provisioning.cancelled(reason);
        };
    String contractId = new ContractIds(ctx, ContractIds.Side.PROVIDER).resolve("provision", id);
    Outcome<String> sent;
    try {
      sent = ctx.client().provider().provision(contractId, step, ctx.requestOptions());
    } catch (RefusedException e) {
      throw withHint(e, contractId, target);
    }
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    String message = sent.value();
    switch (ctx.printer().format()) {
      case IDS -> ctx.printer().line(contractId);
      case JSON -> {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("contract_id", contractId);
        out.put("status", target.wire());
        out.put("message", message);
        ctx.printer().json(out);
      }
      case TABLE -> ctx.printer().line(target.wire() + " " + contractId);
    }
    return 0;
  }

  /** The usual slip: --done straight after accepting; the protocol wants --start first. */
  private static RuntimeException withHint(
      RefusedException e, String contractId, ContractStatus target) {
    if ("invalid_transition".equals(e.code()) && target == ContractStatus.PROVISIONED) {
      return new CliException(
          ExitCodes.REFUSED,
          e.getMessage(),
          "market provision " + contractId + " --start   (then --done)",
          e);
    }
    return e;
  }

  private ContractStatus target() {
    if (step.start) {
      return ContractStatus.PROVISIONING;
    }
    if (step.done) {
      return ContractStatus.PROVISIONED;
    }
    if (step.failed) {
      return ContractStatus.PROVISIONING_FAILED;
    }
    if (step.activate) {
      return ContractStatus.ACTIVE;
    }
    return ContractStatus.CANCELLED;
  }

  private static String flag(ContractStatus target) {
    return switch (target) {
      case PROVISIONING -> "start";
      case PROVISIONED -> "done";
      case PROVISIONING_FAILED -> "failed";
      case ACTIVE -> "activate";
      default -> "cancel";
    };
  }

  /**
   * The docs/protocol.md section 7 details: the file's values, then the flags', then the defaults.
   */
  private InstanceDetails instanceDetails() {
    String op = "provision " + id + " --done";
    if ("-".equals(details.file) && details.passwordStdin) {
      throw CliException.usage(
          op
              + ": --details-file - and --password-stdin both read stdin; put the password in"
              + " the file or the details in a file",
          "market provision --help");
    }
    InstanceDetails fromFile =
        details.file == null
            ? new InstanceDetails(null, null, null, null, null, null)
            : readDetailsFile(op);
    String ip = first(details.ip, fromFile.ipAddress());
    String ipv6 = first(details.ipv6, fromFile.ipv6Address());
    String instructions = first(details.instructions, fromFile.additionalDetails());
    if (ip == null && ipv6 == null && instructions == null) {
      throw CliException.usage(
          op
              + ": no connection details: give --ip ADDRESS (or --ipv6, --instructions,"
              + " --details-file)",
          "market provision " + id + " --done --ip 203.0.113.7 --password-stdin");
    }
    Integer port = details.port != null ? details.port : fromFile.sshPort();
    String user = first(details.user, fromFile.sshUser());
    boolean reachable = ip != null || ipv6 != null;
    if (reachable && port == null) {
      port = 22;
    }
    if (reachable && user == null) {
      user = "root";
    }
    if (port != null && (port < 1 || port > 65_535)) {
      throw CliException.usage(
          op + ": --port " + port + " is not a TCP port (1-65535)", "market provision --help");
    }
    checkText(op, "--ip", ip);
    checkText(op, "--ipv6", ipv6);
    checkText(op, "--user", user);
    String password = details.passwordStdin ? readPassword(op) : fromFile.rootPassword();
    if (password != null && ctx.dryRun()) {
      throw CliException.usage(
          op + ": --dry-run would print the root password; preview without it",
          "market provision " + id + " --done --ip ADDRESS --dry-run");
    }
    return new InstanceDetails(ip, ipv6, port, user, password, instructions);
  }

  private static String first(String flag, String file) {
    return flag != null ? flag : file;
  }

  private static void checkText(String op, String name, String value) {
    if (value != null && (value.isBlank() || !value.strip().equals(value) || value.contains(" "))) {
      throw CliException.usage(
          op + ": " + name + " '" + value + "' must be one word without spaces",
          "market provision --help");
    }
  }

  /** One line from stdin, the line break removed; an empty line is a mistake, not a password. */
  private String readPassword(String op) {
    String line;
    try {
      line = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      throw CliException.usage(op + ": cannot read the password from stdin", null);
    }
    if (line == null || line.isEmpty()) {
      throw CliException.usage(
          op + ": --password-stdin: no password on stdin",
          "printf '%s\\n' \"$ROOT_PASSWORD\" | market provision " + id + " --done ...");
    }
    return line;
  }

  private InstanceDetails readDetailsFile(String op) {
    String where = "--details-file " + details.file;
    String text;
    try {
      text =
          "-".equals(details.file)
              ? new String(ctx.in().readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(details.file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliException.usage(op + ": " + where + ": no such file", null);
    } catch (IOException e) {
      throw CliException.usage(op + ": " + where + ": cannot read it: " + e.getMessage(), null);
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the offending token, which may be the password
      JsonLocation at = e.getLocation();
      throw CliException.usage(
          op
              + ": "
              + where
              + ": not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
          null);
    }
    if (node == null || !node.isObject()) {
      throw CliException.usage(
          op + ": " + where + ": must be a JSON object like {\"ip_address\": \"203.0.113.7\"}",
          null);
    }
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!DETAIL_KEYS.contains(f.getKey())) {
        throw CliException.usage(
            op
                + ": "
                + where
                + ": unknown key '"
                + dev.market.cli.Failures.oneLine(f.getKey())
                + "' (known: "
                + String.join(", ", DETAIL_KEYS)
                + ")",
            null);
      }
      JsonNode v = f.getValue();
      boolean ok =
          f.getKey().equals("ssh_port")
              ? v.isIntegralNumber() || v.isNull()
              : v.isTextual() || v.isNull();
      if (!ok) {
        throw CliException.usage(
            op
                + ": "
                + where
                + ": '"
                + f.getKey()
                + "' must be "
                + (f.getKey().equals("ssh_port") ? "a whole number" : "a string"),
            null);
      }
    }
    try {
      return Json.mapper().treeToValue(node, InstanceDetails.class);
    } catch (JsonProcessingException e) {
      throw CliException.usage(op + ": " + where + ": unreadable details", null);
    }
  }
}
