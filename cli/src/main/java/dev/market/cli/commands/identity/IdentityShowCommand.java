package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Printer;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market identity show [NAME]}. */
@Command(
    name = "show",
    description = {
      "Show an identity's name and public key (the active one by default). Never the secret.",
      "-o json: {name, public_key, encrypted, active, file}; -o ids: the public key."
    })
public final class IdentityShowCommand extends BaseCommand {
  @Parameters(paramLabel = "NAME", arity = "0..1", description = "Default: the active identity.")
  String name;

  public IdentityShowCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String n = name != null ? name : ctx.identities().activeName();
    if (n == null) {
      throw CliException.identity(
          "identity show: no identity selected",
          ctx.identities().names().isEmpty() ? "market identity new" : "market identity list");
    }
    IdentityView view = IdentityView.of(ctx, ctx.identities().info(n));
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(view);
      case IDS -> p.ids(List.of(view.publicKey()));
      case TABLE -> {
        ctx.out().print(view.details().render());
        ctx.out().flush();
      }
    }
    return 0;
  }
}
