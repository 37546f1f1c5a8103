package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.DurationConverter;
import dev.market.cli.ExitCodes;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import dev.market.cli.output.Formats;
import dev.market.client.AwaitResult;
import dev.market.client.Outcome;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.text.TerminalText;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market status ID [--wait STATE | --watch]}. */
@Command(
    name = "status",
    description = {
      "Show a rental, wait for it to reach a state, or watch it change.",
      "Works for contracts you rent and contracts you provide.",
      "-o json: the Contract object as on the wire; -o ids: its id.",
      "--watch prints one line per status change (time and status; with -o json one Contract",
      "per line) until the rental ends.",
      "Exit 0 when the state is reached, 6 when the rental ended in a state that can no longer",
      "reach it, 8 when --timeout passed first."
    })
public final class StatusCommand extends BaseCommand {
  /** A watch without --timeout runs until the rental ends or the user stops it. */
  static final Duration WATCH_FOREVER = Duration.ofDays(3650);

  @Parameters(paramLabel = "CONTRACT-ID", description = "Full id or a prefix of 8+ characters.")
  String id;

  @Option(
      names = "--wait",
      paramLabel = "STATE",
      completionCandidates = Waiting.States.class,
      description =
          "Wait until the rental is in STATE or past it (e.g. accepted, provisioned, active).")
  String waitFor;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long --wait or --watch may take: 30s, 10m, 1h (default 10m for --wait).")
  Duration timeout;

  @Option(names = "--watch", description = "Print each status change until the rental ends.")
  boolean watch;

  public StatusCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (watch && waitFor != null) {
      throw CliException.usage(
          "status: --wait and --watch exclude each other", "market status " + id + " --watch");
    }
    if (timeout != null && !watch && waitFor == null) {
      throw CliException.usage(
          "status: --timeout needs --wait or --watch",
          "market status " + id + " --wait active --timeout " + DurationConverter.format(timeout));
    }
    ContractStatus target = waitFor == null ? null : Waiting.parseTarget(waitFor, "status");
    String contractId = ContractIds.forEither(ctx, "status", id);
    if (watch) {
      return watch(contractId);
    }
    Optional<Contract> c;
    if (target == null) {
      Outcome<Contract> sent = ctx.client().rentals().get(contractId, ctx.requestOptions());
      c = ctx.printedDryRun(sent) ? Optional.empty() : Optional.of(sent.value());
    } else {
      c =
          Waiting.await(
              ctx, contractId, target, timeout == null ? Waiting.DEFAULT_TIMEOUT : timeout);
    }
    c.ifPresent(contract -> ContractView.print(ctx.printer(), ctx.out(), contract));
    return 0;
  }

  private int watch(String contractId) {
    AtomicReference<String> last = new AtomicReference<>();
    // waiting for the end of the normal flow returns at any terminal state
    Outcome<AwaitResult> sent =
        ctx.client()
            .rentals()
            .await(
                contractId,
                ContractStatus.COMPLETED,
                timeout == null ? WATCH_FOREVER : timeout,
                c -> {
                  if (!Objects.equals(last.getAndSet(c.status()), c.status())) {
                    printChange(c);
                  }
                },
                ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    AwaitResult r = sent.value();
    if (r.outcome() == AwaitResult.Outcome.TIMED_OUT) {
      throw new CliException(
          ExitCodes.TIMED_OUT,
          "watch contract "
              + ContractView.shortId(contractId)
              + ": still "
              + r.contract().status()
              + " after "
              + DurationConverter.format(timeout),
          "market status " + contractId + " --watch");
    }
    return 0;
  }

  private void printChange(Contract c) {
    switch (ctx.printer().format()) {
      case JSON -> ctx.printer().jsonLine(c);
      case IDS -> ctx.printer().line(TerminalText.line(c.status()));
      case TABLE ->
          ctx.printer()
              .line(
                  Formats.nanos(c.statusUpdatedAtNs())
                      + "  "
                      + ctx.printer().style().status(TerminalText.line(c.status())));
    }
  }
}
