package dev.market.cli.commands.provider;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.client.Outcome;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code market contracts}: every contract of mine as a provider. */
@Command(
    name = "contracts",
    description = {
      "List all your contracts as a provider, in every state, newest first.",
      "Table: ID (12 characters, accepted back as a prefix), STATUS, OFFERING, RENTER, HOURS,"
          + " AMOUNT, CREATED, UPDATED.",
      "-o ids: one full contract id per line; -o json: the Contract array as on the wire."
    })
public final class ContractsCommand extends BaseCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS[,STATUS...]",
      split = ",",
      description = "Only contracts in these states, e.g. accepted,provisioning.")
  List<String> statuses;

  public ContractsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Set<ContractStatus> wanted = wanted();
    Outcome<List<Contract>> sent = ctx.client().provider().contracts(ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    List<Contract> contracts =
        ProviderView.newestFirst(sent.value()).stream()
            .filter(c -> wanted == null || wanted.contains(c.statusValue()))
            .toList();
    if (ProviderView.printMachine(ctx.printer(), contracts)) {
      return 0;
    }
    if (contracts.isEmpty()) {
      ctx.err()
          .println(
              wanted == null
                  ? "no contracts yet; requests for your offerings appear in: market requests"
                  : "no contracts in state " + String.join(",", statuses));
      ctx.err().flush();
      return 0;
    }
    ctx.printer().table(ProviderView.contracts(contracts, ctx.printer().style()));
    return 0;
  }

  private Set<ContractStatus> wanted() {
    if (statuses == null || statuses.isEmpty()) {
      return null;
    }
    Set<ContractStatus> set = EnumSet.noneOf(ContractStatus.class);
    for (String s : statuses) {
      ContractStatus st = ContractStatus.parse(s);
      if (st == ContractStatus.UNKNOWN) {
        throw CliException.usage(
            "contracts --status: '"
                + s
                + "' is not a status (requested, pending, accepted, provisioning, provisioned,"
                + " active, completed, rejected, cancelled, provisioningfailed)",
            "market contracts --help");
      }
      set.add(st);
    }
    return set;
  }
}
