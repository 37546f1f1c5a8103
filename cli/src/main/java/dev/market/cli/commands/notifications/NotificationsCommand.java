package dev.market.cli.commands.notifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Formats;
import dev.market.cli.output.JsonDocuments;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import dev.market.client.Outcome;
import dev.market.protocol.model.UserNotification;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code market notifications [--unread] [--limit N] [--mark-read]}. */
@Command(
    name = "notifications",
    description = {
      "Show your newest notifications (accepted, provisioned, cancelled, new requests...).",
      "Table: * for unread, ID, TIME, CONTRACT, TITLE, MESSAGE (with the reason given).",
      "-o json: an array of notifications (snake_case, times also ISO-8601, \"read\" true or",
      "false); -o ids: their ids."
    })
public final class NotificationsCommand extends BaseCommand {
  @Option(names = "--unread", description = "Only unread ones.")
  boolean unread;

  @Option(names = "--mark-read", description = "Mark the ones shown as read.")
  boolean markRead;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Only the newest N (the marketplace keeps the newest 50).")
  Integer limit;

  public NotificationsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (limit != null && limit < 1) {
      throw CliException.usage(
          "notifications: --limit must be at least 1, got " + limit,
          "market notifications --limit 10");
    }
    Outcome<List<UserNotification>> sent = ctx.client().notifications().list(ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    List<UserNotification> all = sent.value();
    List<UserNotification> shown =
        (unread ? all.stream().filter(n -> n.readAt() == null) : all.stream())
            .limit(limit == null ? Long.MAX_VALUE : limit)
            .toList();
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(shown.stream().map(NotificationsCommand::withReadFlag).toList());
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
                  .column("CONTRACT")
                  .shrinkableColumn("TITLE")
                  .shrinkableColumn("MESSAGE");
          for (UserNotification n : shown) {
            t.row(
                n.readAt() == null ? "*" : "",
                n.id(),
                Formats.seconds(n.createdAt()),
                n.contractId() == null
                    ? ""
                    : n.contractId().substring(0, Math.min(12, n.contractId().length())),
                n.title(),
                n.body());
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

  /**
   * The notification as docs/json.md has it, and {@code read}: a script need not know that an
   * absent read_at means no.
   */
  private static ObjectNode withReadFlag(UserNotification n) {
    ObjectNode o = (ObjectNode) JsonDocuments.of(n);
    o.put("read", n.readAt() != null);
    return o;
  }
}
