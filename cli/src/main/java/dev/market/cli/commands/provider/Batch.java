package dev.market.cli.commands.provider;

import dev.market.cli.CliContext;
import dev.market.cli.ExitCodes;
import dev.market.cli.Failures;
import dev.market.cli.commands.ContractIds;
import dev.market.cli.output.Printer;
import dev.market.client.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action over many contract ids: each id gets its own result line on stdout ({@code accepted
 * ID}) or {@code error:} line on stderr, and the run exits with the most severe failure's code.
 * With {@code -o json} stdout is one array of {@code {contract_id, ok, error?}}; with {@code -o
 * ids}, the ids that succeeded.
 */
public final class Batch {
  /** Does the action for one full contract id; a dry run answers its prepared request. */
  @FunctionalInterface
  public interface Action {
    Outcome<?> apply(String contractId);
  }

  private Batch() {}

  /**
   * @param verb the command ({@code accept}), for error lines
   * @param done the past tense ({@code accepted}), for result lines
   */
  static int run(CliContext ctx, String verb, String done, List<String> given, Action action) {
    return run(ctx, ContractIds.Side.PROVIDER, verb, done, given, action);
  }

  /** As above, over contracts of {@code side} (the renter's for cancel). */
  public static int run(
      CliContext ctx,
      ContractIds.Side side,
      String verb,
      String done,
      List<String> given,
      Action action) {
    ctx.client(); // no usable identity: one error through the handler, not one per id
    ContractIds resolver = new ContractIds(ctx, side);
    Printer p = ctx.printer();
    List<Map<String, Object>> results = new ArrayList<>();
    int exit = ExitCodes.OK;
    for (String g : given) {
      String id = g;
      try {
        id = resolver.resolve(verb, g);
        if (ctx.printedDryRun(action.apply(id))) {
          continue; // the request was printed instead of sent
        }
        results.add(result(id, null));
        switch (p.format()) {
          case TABLE -> p.line(done + " " + id);
          case IDS -> p.line(id);
          case JSON -> {
            // printed once, at the end
          }
        }
      } catch (RuntimeException e) {
        String reason = Failures.reason(e);
        results.add(result(id, reason));
        String line =
            e instanceof dev.market.cli.CliException ? reason : verb + " " + id + ": " + reason;
        ctx.err().println("error: " + line);
        ctx.err().flush();
        exit = Failures.mostSevere(exit, Failures.exitCode(e));
        if (ctx.debug()) {
          e.printStackTrace(ctx.err());
        }
      }
    }
    if (p.isJson() && !ctx.dryRun()) {
      p.json(results);
    }
    return exit;
  }

  private static Map<String, Object> result(String id, String error) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("contract_id", id);
    r.put("ok", error == null);
    if (error != null) {
      r.put("error", error);
    }
    return r;
  }
}
