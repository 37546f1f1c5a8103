package dev.market.cli.commands.provider;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.GroupCommand;
import dev.market.client.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market provider ...}: settings of mine as a provider. */
@Command(name = "provider", description = "Your settings as a provider.")
public final class ProviderCommand extends GroupCommand {
  public ProviderCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public List<Class<?>> subcommands() {
    return List.of(ProviderCommand.AutoAccept.class);
  }

  /** {@code market provider auto-accept [on|off]}. */
  @Command(
      name = "auto-accept",
      description = {
        "Show or set whether new rental requests are accepted at once, without your answer.",
        "Off by default. Prints 'auto-accept on' or 'auto-accept off'; -o ids: on or off;"
            + " -o json: {\"auto_accept_rentals\": true|false}."
      })
  public static final class AutoAccept extends BaseCommand {
    @Parameters(
        paramLabel = "on|off",
        arity = "0..1",
        completionCandidates = OnOff.class,
        description = "Turn it on or off; without it, show the current setting.")
    String value;

    public AutoAccept(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      Outcome<Boolean> sent =
          value == null
              ? ctx.client().provider().autoAccept(ctx.requestOptions())
              : ctx.client().provider().setAutoAccept(parse(value), ctx.requestOptions());
      if (ctx.printedDryRun(sent)) {
        return 0;
      }
      boolean on = sent.value();
      switch (ctx.printer().format()) {
        case JSON -> ctx.printer().json(Map.of("auto_accept_rentals", on));
        case IDS -> ctx.printer().line(on ? "on" : "off");
        case TABLE -> ctx.printer().line("auto-accept " + (on ? "on" : "off"));
      }
      return 0;
    }

    /** What shells complete for the argument. */
    public static final class OnOff implements Iterable<String> {
      @Override
      public java.util.Iterator<String> iterator() {
        return java.util.List.of("on", "off").iterator();
      }
    }

    private static boolean parse(String v) {
      switch (v.trim().toLowerCase(Locale.ROOT)) {
        case "on", "true", "yes" -> {
          return true;
        }
        case "off", "false", "no" -> {
          return false;
        }
        default ->
            throw CliException.usage(
                "provider auto-accept: '" + v + "' is not on or off",
                "market provider auto-accept on");
      }
    }
  }
}
