package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.DurationConverter;
import dev.market.cli.ExitCodes;
import dev.market.client.AwaitResult;
import dev.market.client.Outcome;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.text.TerminalText;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** {@code --wait STATE}: shared by {@code status} and {@code rent}, with the same exit codes. */
public final class Waiting {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private Waiting() {}

  /** {@code (no capacity in Berlin)}: why it ended, when the marketplace says. */
  private static String reason(Contract c) {
    String r = c.statusReason();
    return r == null || r.isBlank() ? "" : " (" + TerminalText.line(r.strip()) + ")";
  }

  /** What the generated shell completions offer after {@code --wait}. */
  public static final class States implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(ContractStatus.values())
          .filter(v -> v != ContractStatus.UNKNOWN)
          .map(ContractStatus::wire)
          .iterator();
    }
  }

  /**
   * Parses a state to wait for.
   *
   * @throws CliException exit 2 naming the states there are
   */
  public static ContractStatus parseTarget(String raw, String operation) {
    ContractStatus s = ContractStatus.parse(raw);
    if (s == ContractStatus.UNKNOWN) {
      String known =
          Arrays.stream(ContractStatus.values())
              .filter(v -> v != ContractStatus.UNKNOWN)
              .map(ContractStatus::wire)
              .collect(Collectors.joining(", "));
      throw CliException.usage(
          operation + ": --wait: '" + raw + "' is not a status (one of " + known + ")",
          "market status CONTRACT-ID --wait active");
    }
    return s;
  }

  /**
   * Waits, showing each status change on stderr when it is a terminal.
   *
   * @return the contract in (or past) the state waited for; empty in {@code --dry-run}, after
   *     printing the first poll's request
   * @throws CliException exit 6 when a terminal state that cannot reach it came instead, exit 8 on
   *     timeout; with {@code -o json} the last state seen is printed on stdout first
   */
  public static Optional<Contract> await(
      CliContext ctx, String contractId, ContractStatus target, Duration timeout) {
    boolean progress = ctx.terminal().stderrIsTerminal();
    String shortId = ContractView.shortId(contractId);
    if (progress) {
      ctx.err()
          .println(
              "waiting up to "
                  + DurationConverter.format(timeout)
                  + " for contract "
                  + shortId
                  + " to be "
                  + target.wire()
                  + " (Ctrl-C stops waiting, not the rental)");
      ctx.err().flush();
    }
    AtomicReference<String> lastStatus = new AtomicReference<>();
    AtomicReference<Contract> lastSeen = new AtomicReference<>();
    Outcome<AwaitResult> sent;
    try {
      sent = poll(ctx, contractId, target, timeout, progress, shortId, lastStatus, lastSeen);
    } catch (RuntimeException e) {
      // interrupted, refused or unavailable part-way: a script still gets the state last seen
      if (lastSeen.get() != null && ctx.printer().isJson()) {
        ctx.printer().json(lastSeen.get());
      }
      throw e;
    }
    if (ctx.printedDryRun(sent)) {
      return Optional.empty();
    }
    AwaitResult result = sent.value();
    Contract c = result.contract();
    if (result.outcome() != AwaitResult.Outcome.REACHED && ctx.printer().isJson()) {
      // a script parsing stdout still learns the id and the last state seen; the exit code says
      // the wait failed
      ctx.printer().json(c);
    }
    return switch (result.outcome()) {
      case REACHED -> Optional.of(c);
      case UNREACHABLE ->
          throw new CliException(
              ExitCodes.UNREACHABLE,
              "wait for contract "
                  + shortId
                  + ": it is "
                  + c.status()
                  + reason(c)
                  + ", so it can no longer become "
                  + target.wire(),
              "market events " + contractId);
      case TIMED_OUT ->
          throw new CliException(
              ExitCodes.TIMED_OUT,
              "wait for contract "
                  + shortId
                  + ": still "
                  + c.status()
                  + " after "
                  + DurationConverter.format(timeout),
              "market status " + contractId + " --wait " + target.wire() + " --timeout 30m");
    };
  }

  private static Outcome<AwaitResult> poll(
      CliContext ctx,
      String contractId,
      ContractStatus target,
      Duration timeout,
      boolean progress,
      String shortId,
      AtomicReference<String> lastStatus,
      AtomicReference<Contract> lastSeen) {
    java.util.concurrent.atomic.AtomicBoolean outageTold =
        new java.util.concurrent.atomic.AtomicBoolean();
    return ctx.client()
        .rentals()
        .await(
            contractId,
            target,
            timeout,
            c -> {
              lastSeen.set(c);
              if (progress && !Objects.equals(lastStatus.getAndSet(c.status()), c.status())) {
                ctx.err()
                    .println(
                        "  "
                            + shortId
                            + "  "
                            + ctx.printer().style().status(TerminalText.line(c.status())));
                ctx.err().flush();
              }
            },
            e -> {
              if (outageTold.compareAndSet(false, true)) {
                ctx.err()
                    .println(
                        "the marketplace does not answer ("
                            + TerminalText.line(e.serverMessage())
                            + "); still waiting for contract "
                            + shortId
                            + " until the timeout");
                ctx.err().flush();
              }
            },
            ctx.requestOptions());
  }
}
