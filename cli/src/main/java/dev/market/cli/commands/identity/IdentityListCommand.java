package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code market identity list}. */
@Command(
    name = "list",
    aliases = "ls",
    description = {
      "List identities; * marks the active one.",
      "-o json: an array of {name, public_key, encrypted, active, file}; -o ids: the names."
    })
public final class IdentityListCommand extends BaseCommand {
  public IdentityListCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<IdentityView> views =
        ctx.identities().names().stream()
            .map(n -> IdentityView.of(ctx, ctx.identities().info(n)))
            .toList();
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(views);
      case IDS -> p.ids(views.stream().map(IdentityView::name).toList());
      case TABLE -> {
        if (views.isEmpty()) {
          ctx.err()
              .println(
                  "no identities yet: market identity new   (or: market identity import NAME)");
          ctx.err().flush();
          return 0;
        }
        Table t = new Table().column("").column("NAME").column("PUBLIC KEY").column("ENCRYPTED");
        for (IdentityView v : views) {
          t.row(v.active() ? "*" : "", v.name(), v.publicKey(), v.encrypted() ? "yes" : "no");
        }
        p.table(t);
      }
    }
    return 0;
  }
}
