package dev.market.cli;

import dev.market.cli.commands.MarketCommand;
import dev.market.cli.commands.help.HelpCommand;
import dev.market.cli.output.JsonSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The only place a {@link CommandLine} is built, used by {@link Main} and by tests. Commands,
 * mixins and converters get the {@link CliContext} through their constructor.
 */
public final class Cli {
  /** Fixed so help text (and its snapshots) do not depend on the terminal it was made on. */
  static final int HELP_WIDTH = 100;

  private final CliContext ctx;

  public Cli(CliContext ctx) {
    this.ctx = ctx;
  }

  public CliContext context() {
    return ctx;
  }

  /** A fresh command tree wired to the context: every command. */
  public CommandLine commandLine() {
    CommandLine root = root(new ContextFactory(ctx));
    return configure(root, MarketCommand.commands());
  }

  /**
   * The tree a run of {@code args} needs: the root and the one top-level command the arguments
   * invoke, with its subcommands. Building a command has picocli reflect over its class and its
   * options, so building all thirty for {@code market offerings list} was start-up spent on
   * commands the run never reaches. Whenever the invoked command is not plain to see (no command
   * word, an unknown option before it, a help or version option, {@code help}, which lists the
   * others) this is the whole tree, so every error and suggestion is the one the whole tree gives.
   * The root is built once: the options that tell where the command word is are its own.
   */
  CommandLine commandLineFor(String... args) {
    CommandLine root = root(new ContextFactory(ctx));
    Class<?> invoked = invoked(root.getCommandSpec(), args);
    return configure(root, invoked == null ? MarketCommand.commands() : List.of(invoked));
  }

  /** The top-level command {@code args} invoke, or null when that takes the whole tree to tell. */
  static Class<?> invoked(CommandSpec root, String... args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("-") && a.length() > 1) {
        int eq = a.indexOf('=');
        OptionSpec o = root.findOption(eq > 0 ? a.substring(0, eq) : a);
        if (o == null
            || o.usageHelp()
            || o.versionHelp()
            || (o.arity().min() == 0 && o.arity().max() > 0)) {
          // unknown (or clustered), one whose value is optional, or help (`market -h offerings`
          // lists every command)
          return null;
        }
        if (eq < 0 && o.arity().max() > 0) {
          i++; // its value, which may be any word, a command's name included
        }
        continue;
      }
      String found = TopLevel.BY_NAME.get(a);
      if (found == null) {
        return null;
      }
      try {
        return Class.forName(found, false, Cli.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the command table names a missing class " + found, e);
      }
    }
    return null;
  }

  /** Where {@link dev.market.cli.docs.PrecomputeHelp} writes {@link #topLevelTable()}. */
  public static final String COMMAND_TABLE = "/dev/market/cli/help/commands.txt";

  /**
   * Each top-level command's class name by its name and aliases, {@code help} left out (it lists
   * the others, so it takes the whole tree). Read from the table the build wrote ({@link
   * #COMMAND_TABLE}): reading the {@code @Command} annotations of thirty classes instead was a
   * third of {@code market --version}'s start-up. Without the table (an IDE build that skipped
   * process-classes) the annotations answer, as the table was made from them.
   */
  private static final class TopLevel {
    static final Map<String, String> BY_NAME = load();

    private static Map<String, String> load() {
      try (InputStream in = Cli.class.getResourceAsStream(COMMAND_TABLE)) {
        if (in == null) {
          return topLevelTable();
        }
        Map<String, String> byName = new HashMap<>();
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (int at = 0, end; at < text.length(); at = end + 1) {
          end = text.indexOf('\n', at);
          end = end < 0 ? text.length() : end;
          int tab = text.indexOf('\t', at);
          if (tab > at && tab < end) {
            byName.put(text.substring(at, tab), text.substring(tab + 1, end));
          }
        }
        return byName;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The top-level command table as the annotations give it, in help order. */
  public static Map<String, String> topLevelTable() {
    Map<String, String> byName = new LinkedHashMap<>();
    for (Class<?> c : MarketCommand.commands()) {
      if (c == HelpCommand.class) {
        continue;
      }
      Command a = c.getAnnotation(Command.class);
      byName.put(a.name(), c.getName());
      for (String alias : a.aliases()) {
        byName.put(alias, c.getName());
      }
    }
    return byName;
  }

  private static CommandLine root(ContextFactory factory) {
    return new CommandLine(MarketCommand.class, factory);
  }

  /** Adds {@code commands} under {@code cmd} (the root) and wires the tree to the context. */
  private CommandLine configure(CommandLine cmd, List<Class<?>> commands) {
    ErrorHandler errors = new ErrorHandler(ctx);
    IFactory factory = cmd.getFactory();
    for (Class<?> c : commands) {
      cmd.addSubcommand(new CommandLine(c, factory));
    }
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (String entry : ExitCodes.HELP_LIST) {
      int colon = entry.indexOf(':');
      exitCodes.put(entry.substring(0, colon), entry.substring(colon + 1));
    }
    cmd.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exitCodes);
    abbreviateSynopses(cmd);
    addJsonOptions(cmd);
    addExamples(cmd);
    cmd.setOut(ctx.out())
        .setErr(ctx.err())
        .setColorScheme(Help.defaultColorScheme(ctx.color() ? Help.Ansi.ON : Help.Ansi.OFF))
        .setUsageHelpWidth(HELP_WIDTH)
        .setCaseInsensitiveEnumValuesAllowed(true)
        // `--identity provider`: an identity may share its name with a command
        .setAllowSubcommandsAsOptionParameters(true)
        .registerConverter(java.math.BigDecimal.class, new AmountConverter())
        .registerConverter(Long.class, WholeNumbers::toLong)
        .registerConverter(Long.TYPE, WholeNumbers::toLong)
        .registerConverter(Integer.class, WholeNumbers::toInt)
        .registerConverter(Integer.TYPE, WholeNumbers::toInt)
        .setExecutionExceptionHandler(errors)
        .setExitCodeExceptionMapper(errors)
        .setParameterExceptionHandler(errors)
        .setExecutionStrategy(this::run);
    return cmd;
  }

  /** The help section's key; ManPage renders the same examples as EXAMPLES. */
  public static final String EXAMPLES_SECTION = "examples";

  /** An "Examples:" section, from {@link Examples}, after the exit codes of every command. */
  private static void addExamples(CommandLine cmd) {
    CommandSpec spec = cmd.getCommandSpec();
    List<String> lines =
        Examples.BY_COMMAND.get(spec.qualifiedName().replaceFirst("^market ?", ""));
    if (lines != null) {
      var usage = spec.usageMessage();
      Map<String, CommandLine.IHelpSectionRenderer> sections =
          new LinkedHashMap<>(usage.sectionMap());
      sections.put(
          EXAMPLES_SECTION,
          help -> {
            StringBuilder b = new StringBuilder(String.format("%nExamples:%n"));
            lines.forEach(l -> b.append("  ").append(l).append(System.lineSeparator()));
            return b.toString();
          });
      usage.sectionMap(sections);
      List<String> keys = new ArrayList<>(usage.sectionKeys());
      keys.remove(EXAMPLES_SECTION);
      keys.add(
          keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING),
          EXAMPLES_SECTION);
      usage.sectionKeys(keys);
    }
    cmd.getSubcommands().values().stream().distinct().forEach(Cli::addExamples);
  }

  /** Options that must be sound before anything is sent ({@code --jq}) are checked first. */
  private int run(ParseResult parsed) {
    try {
      ctx.checkOutputOptions();
    } catch (CliException e) {
      List<CommandLine> chain = parsed.asCommandLineList();
      throw new CommandLine.ExecutionException(chain.get(chain.size() - 1), e.getMessage(), e);
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /**
   * {@code --jq} and a help line naming the JSON schema, on exactly the commands that print JSON
   * ({@link JsonSchemas}): one place, so no command can forget either.
   */
  private void addJsonOptions(CommandLine cmd) {
    CommandSpec spec = cmd.getCommandSpec();
    String words = spec.qualifiedName().replaceFirst("^market ?", "");
    String schema = JsonSchemas.name(words);
    if (schema != null) {
      spec.addOption(
          OptionSpec.builder("--jq")
              .paramLabel("EXPR")
              .type(String.class)
              .description(
                  "Filter the JSON output with a jq expression (implies -o json); strings print"
                      + " raw, other results as one compact JSON line each.")
              .setter(
                  new CommandLine.Model.ISetter() {
                    @Override
                    public <T> T set(T value) {
                      ctx.jq((String) value);
                      return null;
                    }
                  })
              .build());
      List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
      footer.add(
          "%nJSON: -o json prints schema "
              + schema
              + " (fields and types: docs/json.md); --jq EXPR filters it.");
      spec.usageMessage().footer(footer.toArray(String[]::new));
    }
    cmd.getSubcommands().values().stream().distinct().forEach(this::addJsonOptions);
  }

  /** {@code Usage: market rent [OPTIONS] OFFERING-ID}: the global options would drown the rest. */
  private static void abbreviateSynopses(CommandLine cmd) {
    cmd.getCommandSpec().usageMessage().abbreviateSynopsis(true);
    cmd.getSubcommands().values().forEach(Cli::abbreviateSynopses);
  }

  /**
   * Parses and runs {@code args}; returns the exit code. A lone {@code --version} or {@code --help}
   * is answered without building the tree ({@link FastPath}).
   */
  public int execute(String... args) {
    int code = FastPath.answer(ctx, args) ? 0 : commandLineFor(args).execute(args);
    ctx.out().flush();
    ctx.err().flush();
    return code;
  }

  /** Constructs commands and mixins with the context when they take it, else picocli's default. */
  private static final class ContextFactory implements IFactory {
    private final CliContext ctx;
    private final IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      Constructor<K> withContext;
      try {
        withContext = cls.getDeclaredConstructor(CliContext.class);
      } catch (NoSuchMethodException e) {
        return fallback.create(cls);
      }
      return withContext.newInstance(ctx);
    }
  }
}
