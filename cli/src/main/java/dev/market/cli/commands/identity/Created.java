package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.output.Printer;
import java.util.List;

/** What {@code identity new} and {@code identity import} print once the key file is written. */
final class Created {
  private Created() {}

  static void print(CliContext ctx, String name, boolean adopted) {
    IdentityView view = IdentityView.of(ctx, ctx.identities().info(name));
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(view);
      case IDS -> p.ids(List.of(view.name()));
      case TABLE -> {
        ctx.out().print(view.details().render());
        ctx.out().flush();
      }
    }
    if (adopted) {
      ctx.err().println("'" + name + "' is now the active identity");
    } else if (!view.active()) {
      ctx.err().println("to sign with it: market identity use " + name);
    }
    ctx.err().flush();
  }
}
