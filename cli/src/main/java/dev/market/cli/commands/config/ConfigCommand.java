package dev.market.cli.commands.config;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.GroupCommand;
import dev.market.cli.config.CliConfig;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market config get|set|unset|list}: the config file under the market home. */
@Command(
    name = "config",
    description = "Read and change the config file (flags and environment override it).")
public final class ConfigCommand extends GroupCommand {
  public ConfigCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public List<Class<?>> subcommands() {
    return List.of(
        ConfigCommand.Get.class,
        ConfigCommand.Set.class,
        ConfigCommand.Unset.class,
        ConfigCommand.ListKeys.class,
        ProfileCommand.class);
  }

  /** {@code market config get KEY}. */
  @Command(
      name = "get",
      description = "Print a key's value from the config file (nothing when unset).")
  public static final class Get extends BaseCommand {
    @Parameters(paramLabel = "KEY", description = "api-url, identity, output or profile.")
    String key;

    public Get(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      CliConfig.checkKey(key);
      ctx.config()
          .get(key)
          .ifPresentOrElse(
              v -> ctx.printer().line(v),
              () -> {
                ctx.err().println("config: " + key + " is not set in " + ctx.config().file());
                ctx.err().flush();
              });
      return 0;
    }
  }

  /** {@code market config set KEY VALUE}. */
  @Command(name = "set", description = "Store a key's value in the config file.")
  public static final class Set extends BaseCommand {
    @Parameters(
        index = "0",
        paramLabel = "KEY",
        description = "api-url, identity, output or profile.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    public Set(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      ctx.config().set(key, value);
      return 0;
    }
  }

  /** {@code market config unset KEY}. */
  @Command(name = "unset", description = "Remove a key from the config file.")
  public static final class Unset extends BaseCommand {
    @Parameters(paramLabel = "KEY", description = "api-url, identity, output or profile.")
    String key;

    public Unset(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      if (!ctx.config().unset(key)) {
        ctx.err().println("config: " + key + " was not set");
        ctx.err().flush();
      }
      return 0;
    }
  }

  /** {@code market config list}. */
  @Command(
      name = "list",
      description = {
        "List every key with its value in the config file and what it means.",
        "-o json prints an object of the keys that are set; -o ids the set keys."
      })
  public static final class ListKeys extends BaseCommand {
    public ListKeys(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      Map<String, String> set = ctx.config().list();
      Printer p = ctx.printer();
      switch (p.format()) {
        case JSON -> p.json(new LinkedHashMap<>(set));
        case IDS -> p.ids(set.keySet());
        case TABLE -> {
          Table t = new Table().column("KEY").shrinkableColumn("VALUE").shrinkableColumn("MEANING");
          CliConfig.KEYS.forEach((k, meaning) -> t.row(k, set.getOrDefault(k, ""), meaning));
          p.table(t);
        }
      }
      return 0;
    }
  }
}
