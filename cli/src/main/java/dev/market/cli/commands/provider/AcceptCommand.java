package dev.market.cli.commands.provider;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.ContractIds;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market accept ID... | -}. */
@Command(
    name = "accept",
    description = {
      "Accept rental requests for your offerings.",
      "Prints 'accepted ID' per contract on stdout and one 'error:' line per failure on stderr;"
          + " the exit code is the most severe failure's (3 when any was refused).",
      "-o ids: the accepted ids; -o json: an array of {contract_id, ok, error?}."
    })
public final class AcceptCommand extends BaseCommand {
  @Parameters(
      paramLabel = "CONTRACT-ID",
      arity = "1..*",
      description =
          "Full ids or unique prefixes (8+ characters); '-' reads ids from stdin, one per line.")
  List<String> ids;

  @Option(names = "--memo", paramLabel = "TEXT", description = "A note kept in the history.")
  String memo;

  public AcceptCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<String> given = ContractIds.expand(ctx, ids);
    if (given.isEmpty()) {
      ctx.err().println("accept: no contract ids on stdin; nothing to do");
      ctx.err().flush();
      return 0;
    }
    return Batch.run(
        ctx,
        "accept",
        "accepted",
        given,
        id -> ctx.client().provider().accept(id, memo, ctx.requestOptions()));
  }
}
