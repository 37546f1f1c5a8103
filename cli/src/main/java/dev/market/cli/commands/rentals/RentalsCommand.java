package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.client.Outcome;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code market rentals [--status S[,S]] [--limit N]}: my contracts as a renter. */
@Command(
    name = "rentals",
    description = {
      "List your rentals, newest first.",
      "Table: ID (a prefix other commands accept), STATUS, OFFERING, PROVIDER, HOURS, PRICE,",
      "MONEY (held in escrow, paid to the provider, refunded to you), ENDS, RENEW (auto-renew).",
      "-o json: an array of Contract objects as on the wire; -o ids: one full contract id per line."
    })
public final class RentalsCommand extends BaseCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS",
      split = ",",
      description = "Only rentals in these states, e.g. --status active,provisioned.")
  List<String> statuses;

  @Option(names = "--limit", paramLabel = "N", description = "Only the newest N.")
  Integer limit;

  public RentalsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Set<ContractStatus> wanted = parseStatuses();
    if (limit != null && limit < 1) {
      throw CliException.usage(
          "rentals: --limit must be at least 1, got " + limit, "market rentals --limit 10");
    }
    Outcome<List<Contract>> sent = ctx.client().rentals().list(ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    List<Contract> rentals =
        sent.value().stream()
            .filter(c -> wanted == null || wanted.contains(c.statusValue()))
            .limit(limit == null ? Long.MAX_VALUE : limit)
            .toList();
    if (rentals.isEmpty() && !ctx.printer().isJson()) {
      ctx.err()
          .println(
              wanted == null
                  ? "no rentals yet; find an offering with: market offerings list"
                  : "no rentals in state " + String.join(", ", statuses));
      ctx.err().flush();
      return 0;
    }
    ContractView.printList(ctx.printer(), rentals);
    return 0;
  }

  /** The states asked for, or {@code null} for all; a word that is no state is exit 2. */
  private Set<ContractStatus> parseStatuses() {
    if (statuses == null) {
      return null;
    }
    Set<ContractStatus> wanted = EnumSet.noneOf(ContractStatus.class);
    for (String raw : statuses) {
      ContractStatus s = ContractStatus.parse(raw.trim());
      if (s == ContractStatus.UNKNOWN) {
        String known =
            Arrays.stream(ContractStatus.values())
                .filter(v -> v != ContractStatus.UNKNOWN)
                .map(ContractStatus::wire)
                .collect(Collectors.joining(", "));
        throw CliException.usage(
            "rentals: --status: '" + raw + "' is not a status (one of " + known + ")",
            "market rentals --status active,provisioned");
      }
      wanted.add(s);
    }
    return wanted;
  }
}
