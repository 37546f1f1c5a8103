package dev.market.cli.commands.provider;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import dev.market.cli.commands.rentals.ContractView;
import dev.market.client.Outcome;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market contracts [ID]}: every contract of mine as a provider, or one contract. */
@Command(
    name = "contracts",
    description = {
      "List all your contracts as a provider, in every state, newest first.",
      "Table: ID (12 characters, accepted back as a prefix), STATUS, OFFERING, RENTER, HOURS,"
          + " AMOUNT, CREATED, UPDATED.",
      "-o ids: one full contract id per line; -o json: the Contract array as on the wire.",
      "With CONTRACT-ID: that one contract (one you provide or rent), as `market status` shows it."
    })
public final class ContractsCommand extends BaseCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS[,STATUS...]",
      split = ",",
      description = "Only contracts in these states, e.g. accepted,provisioning.")
  List<String> statuses;

  @Parameters(
      arity = "0..1",
      paramLabel = "CONTRACT-ID",
      description = "Show only this contract: full id or a prefix of 8+ characters.")
  String id;

  public ContractsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (id != null) {
      return one();
    }
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

  private int one() {
    if (statuses != null && !statuses.isEmpty()) {
      throw CliException.usage(
          "contracts: --status filters the list; it does not apply to one contract",
          "market contracts --status " + String.join(",", statuses));
    }
    String contractId = ContractIds.forEither(ctx, "contracts", id);
    Outcome<Contract> sent = ctx.client().rentals().get(contractId, ctx.requestOptions());
    if (!ctx.printedDryRun(sent)) {
      ContractView.print(ctx.printer(), ctx.out(), sent.value());
    }
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
