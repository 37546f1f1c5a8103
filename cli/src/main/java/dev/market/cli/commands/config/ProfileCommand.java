package dev.market.cli.commands.config;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.GroupCommand;
import dev.market.cli.config.CliConfig;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code market config profile add|list|remove|use}: named marketplaces, each an API URL and an
 * identity, chosen with {@code --profile NAME}, MARKET_PROFILE or {@code config profile use}.
 */
@Command(
    name = "profile",
    description = {
      "Named marketplaces: an API URL and the identity that signs there.",
      "Choose one per command with --profile NAME (or MARKET_PROFILE), or for every command with",
      "'market config profile use NAME'. --api-url and --identity still win over a profile."
    })
public final class ProfileCommand extends GroupCommand {
  public ProfileCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public List<Class<?>> subcommands() {
    return List.of(
        ProfileCommand.Add.class,
        ProfileCommand.ListProfiles.class,
        ProfileCommand.Remove.class,
        ProfileCommand.Use.class);
  }

  /** {@code market config profile add NAME --api-url URL [--identity ID]}. */
  @Command(
      name = "add",
      description = {
        "Add a profile, or replace the one of that name.",
        "It keeps the --api-url and --identity given here (no --identity: the identity",
        "otherwise chosen signs)."
      })
  public static final class Add extends BaseCommand {
    @Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '_', '-'.")
    String name;

    public Add(CliContext ctx) {
      super(ctx);
    }

    /** The global --api-url and --identity, given here, are what the profile keeps. */
    @Override
    public Integer call() {
      String url = ctx.givenApiUrl();
      if (url == null) {
        throw CliException.usage(
            "config profile add " + name + ": --api-url URL is required",
            "market config profile add " + name + " --api-url http://127.0.0.1:8787");
      }
      ctx.config().putProfile(new CliConfig.Profile(name, url, ctx.givenIdentity()));
      ctx.err().println("profile '" + name + "' saved; use it: market --profile " + name + " ...");
      ctx.err().flush();
      return 0;
    }
  }

  /** {@code market config profile list}. */
  @Command(
      name = "list",
      aliases = "ls",
      description = {
        "List the profiles; ACTIVE marks the one in use (--profile, MARKET_PROFILE or config).",
        "-o json: an array of {name, api_url, identity?, active}; -o ids: the names."
      })
  public static final class ListProfiles extends BaseCommand {
    public ListProfiles(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      Map<String, CliConfig.Profile> all = ctx.config().profiles();
      CliConfig.Profile active = ctx.profile();
      String activeName = active == null ? null : active.name();
      Printer p = ctx.printer();
      switch (p.format()) {
        case JSON -> {
          List<Map<String, Object>> out = new ArrayList<>();
          for (CliConfig.Profile pr : all.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", pr.name());
            m.put("api_url", pr.apiUrl());
            if (pr.identity() != null) {
              m.put("identity", pr.identity());
            }
            m.put("active", pr.name().equals(activeName));
            out.add(m);
          }
          p.json(out);
        }
        case IDS -> p.ids(all.keySet());
        case TABLE -> {
          if (all.isEmpty()) {
            ctx.err().println("no profiles yet: market config profile add NAME --api-url URL");
            ctx.err().flush();
            return 0;
          }
          Table t =
              new Table()
                  .column("NAME")
                  .shrinkableColumn("API URL")
                  .column("IDENTITY")
                  .column("ACTIVE");
          for (CliConfig.Profile pr : all.values()) {
            t.row(
                pr.name(),
                pr.apiUrl(),
                pr.identity() == null ? "" : pr.identity(),
                pr.name().equals(activeName) ? "*" : "");
          }
          p.table(t);
        }
      }
      return 0;
    }
  }

  /** {@code market config profile remove NAME}. */
  @Command(name = "remove", aliases = "rm", description = "Remove a profile.")
  public static final class Remove extends BaseCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    public Remove(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      ctx.config().profile(name, "config profile remove");
      ctx.config().removeProfile(name);
      return 0;
    }
  }

  /** {@code market config profile use NAME}. */
  @Command(
      name = "use",
      description = "Use a profile for every command (the config key 'profile').")
  public static final class Use extends BaseCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    public Use(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      ctx.config().set(CliConfig.PROFILE, name);
      return 0;
    }
  }
}
