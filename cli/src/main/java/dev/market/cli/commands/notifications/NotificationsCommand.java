package dev.market.cli.commands.notifications;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import dev.market.client.Outcome;
import dev.market.protocol.model.UserNotification;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code market notifications [--unread] [--mark-read]}. */
@Command(
    name = "notifications",
    description = {
      "Show your newest notifications (accepted, provisioned, cancelled, new requests...).",
      "Table: ID, TIME, TITLE, CONTRACT, and * for unread.",
      "-o json: an array of notifications (snake_case, times also ISO-8601); -o ids: their ids."
    })
public final class NotificationsCommand extends BaseCommand {
  @Option(names = "--unread", description = "Only unread ones.")
  boolean unread;

  @Option(names = "--mark-read", description = "Mark the ones shown as read.")
  boolean markRead;

  public NotificationsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Outcome<List<UserNotification>> sent = ctx.client().notifications().list(ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    List<UserNotification> all = sent.value();
    List<UserNotification> shown =
        unread ? all.stream().filter(n -> n.readAt() == null).toList() : all;
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(shown);
      case IDS -> p.ids(shown.stream().map(n -> String.valueOf(n.id())).toList());
      case TABLE -> {
        if (shown.isEmpty()) {
          ctx.err().println(unread ? "no unread notifications" : "no notifications");
          ctx.err().flush();
        } else {
          Table t =
              new Table()
                  .column("")
                  .column("ID")
                  .column("TIME")
                  .shrinkableColumn("TITLE")
                  .column("CONTRACT");
          for (UserNotification n : shown) {
            t.row(
                n.readAt() == null ? "*" : "",
                n.id(),
                Formats.seconds(n.createdAt()),
                n.title(),
                n.contractId() == null
                    ? ""
                    : n.contractId().substring(0, Math.min(12, n.contractId().length())));
          }
          p.table(t);
        }
      }
    }
    if (markRead) {
      List<Long> ids =
          shown.stream().filter(n -> n.readAt() == null).map(UserNotification::id).toList();
      if (!ids.isEmpty()) {
        ctx.client().notifications().markRead(ids);
        ctx.err().println("marked " + ids.size() + " as read");
        ctx.err().flush();
      }
    }
    return 0;
  }
}
