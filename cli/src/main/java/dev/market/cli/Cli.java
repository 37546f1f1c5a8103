package dev.market.cli;

import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.GroupCommand;
import dev.market.cli.commands.MarketCommand;
import dev.market.cli.commands.help.HelpCommand;
import dev.market.cli.io.Resources;
import dev.market.cli.output.JsonSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
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
    return configure(command(MarketCommand.class, "", null, 0, new ContextFactory(ctx)));
  }

  /**
   * The tree a run of {@code args} needs: the root and the one command the arguments invoke, at
   * every level: {@code market offerings list} builds the root, {@code offerings} and {@code list},
   * not the thirty other top-level commands nor {@code list}'s five siblings. Building a command
   * has picocli reflect over its class and its options (and gives it the global options), so every
   * command built and not run was start-up spent for nothing. Whenever the invoked command is not
   * plain to see (no command word, an unknown option before it, a help or version option, a word
   * that is no command, which wants a did-you-mean, {@code help}, which lists the others) that
   * level gets all its subcommands, so every error, suggestion and help text is the one the whole
   * tree gives. Each command is built once: the options that tell where the next command word is
   * are its own.
   */
  CommandLine commandLineFor(String... args) {
    return configure(command(MarketCommand.class, "", args, 0, new ContextFactory(ctx)));
  }

  /**
   * {@code cls}'s command with its subcommands ({@link BaseCommand#subcommands()}): only the one
   * {@code args} plainly invoke from {@code from} on, itself built the same way, or all of them
   * when that is not plain ({@code args} null: all of them, all the way down). {@code path} is the
   * command's words after {@code market}, each followed by a space (the root's is empty).
   */
  private static CommandLine command(
      Class<?> cls, String path, String[] args, int from, ContextFactory factory) {
    Object instance = factory.instance(cls);
    CommandLine cmd = new CommandLine(instance, factory);
    if (instance instanceof BaseCommand b) {
      b.spec(cmd.getCommandSpec());
      // A command the arguments only pass through (the next word names its subcommand: `market`
      // and `offerings` in `market offerings list -o json`) is given no option and prints no help
      // in this run, so it goes without the global options: picocli builds a group's match state
      // and synopsis at every level it parses, group or no option of it given.
      boolean passedThrough =
          args != null && from < args.length && Table.BY_WORDS.containsKey(path + args[from]);
      if (!passedThrough && printsNoHelp(instance, args, from)) {
        // the same options without their help section, which this run does not print
        for (OptionSpec o : GlobalOptions.options(factory.ctx.flags())) {
          cmd.getCommandSpec().addOption(o);
        }
      } else if (!passedThrough) {
        cmd.getCommandSpec().addArgGroup(GlobalOptions.group(factory.ctx.flags()));
      }
    }
    // the table knows only subcommands' words, so a leaf never finds one
    int at = args == null ? -1 : commandWord(cmd.getCommandSpec(), path, args, from);
    if (at >= 0) {
      String words = path + args[at];
      cmd.addSubcommand(command(Table.commandClass(words), words + " ", args, at + 1, factory));
    } else if (instance instanceof BaseCommand b) {
      // asked only here: the list's class literals load every class it names
      for (Class<?> c : b.subcommands()) {
        cmd.addSubcommand(command(c, "", null, 0, factory));
      }
    }
    return cmd;
  }

  /**
   * Whether the command {@code args} invoke, a leaf, cannot print its help in this run: built for
   * these arguments (not the whole tree, which help and docs render), not a group (which prints its
   * help when invoked alone), and no argument from {@code from} on may ask for help ({@code -h},
   * {@code --help}, or a cluster of short options with an {@code h} in it).
   */
  static boolean printsNoHelp(Object command, String[] args, int from) {
    if (args == null || command instanceof GroupCommand) {
      return false;
    }
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('h') > 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where in {@code args}, from {@code from} on, the subcommand of {@code spec} (the command at
   * {@code path}) is named, skipping {@code spec}'s own options and their values; -1 when that
   * takes the whole tree to tell: no command word, a word the table does not know, an unknown or
   * clustered option, one whose value is optional or may be several words or looks like an option,
   * or a help or version option ({@code market -h offerings} lists every command).
   */
  static int commandWord(CommandSpec spec, String path, String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("-") && a.length() > 1) {
        int eq = a.indexOf('=');
        OptionSpec o = spec.findOption(eq > 0 ? a.substring(0, eq) : a);
        if (o == null || o.usageHelp() || o.versionHelp()) {
          return -1;
        }
        int min = o.arity().min();
        int max = o.arity().max();
        if (!(min == 0 && max == 0) && !(min == 1 && max == 1)) {
          return -1;
        }
        if (max == 1 && eq < 0) {
          i++; // its value, which may be any word, a command's name included
          if (i >= args.length || args[i].startsWith("-")) {
            return -1;
          }
        }
        continue;
      }
      return Table.BY_WORDS.containsKey(path + a) ? i : -1;
    }
    return -1;
  }

  /** Where {@link dev.market.cli.docs.PrecomputeHelp} writes {@link #commandTable}. */
  public static final String COMMAND_TABLE = "/dev/market/cli/help/commands.txt";

  /**
   * Each command's class name by its words after {@code market} ({@code offerings list}, {@code
   * offerings ls}), aliases included, top-level {@code help} left out (it lists the others, so it
   * takes the whole tree). Read from the table the build wrote ({@link #COMMAND_TABLE}) from the
   * whole tree: reading the {@code @Command} annotations of thirty classes instead was a third of
   * {@code market --version}'s start-up. Without the table (an IDE build that skipped
   * process-classes) every run builds the whole tree.
   */
  private static final class Table {
    static final Map<String, String> BY_WORDS = load();

    static Class<?> commandClass(String words) {
      String name = BY_WORDS.get(words);
      try {
        return Class.forName(name, false, Cli.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the command table names a missing class " + name, e);
      }
    }

    private static Map<String, String> load() {
      try {
        byte[] bytes = Resources.read(Cli.class, COMMAND_TABLE);
        if (bytes == null) {
          return Map.of();
        }
        Map<String, String> byWords = new HashMap<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (int at = 0, end; at < text.length(); at = end + 1) {
          end = text.indexOf('\n', at);
          end = end < 0 ? text.length() : end;
          int tab = text.indexOf('\t', at);
          if (tab > at && tab < end) {
            byWords.put(text.substring(at, tab), text.substring(tab + 1, end));
          }
        }
        return byWords;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The command table of {@code tree} (the whole tree), in help order: every command's words after
   * {@code market}, aliases included, to its class name; top-level {@code help} left out.
   */
  public static Map<String, String> commandTable(CommandLine tree) {
    Map<String, String> byWords = new LinkedHashMap<>();
    addToTable(tree, "", byWords);
    return byWords;
  }

  private static void addToTable(CommandLine cmd, String path, Map<String, String> byWords) {
    for (Map.Entry<String, CommandLine> e : cmd.getSubcommands().entrySet()) {
      Class<?> c = e.getValue().getCommandSpec().userObject().getClass();
      if (path.isEmpty() && c == HelpCommand.class) {
        continue;
      }
      byWords.put(path + e.getKey(), c.getName());
      addToTable(e.getValue(), path + e.getKey() + " ", byWords);
    }
  }

  /** Wires {@code cmd} (the root) and its subcommands to the context. */
  private CommandLine configure(CommandLine cmd) {
    ErrorHandler errors = new ErrorHandler(ctx);
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
        .registerConverter(Long.class, WholeNumbers.LONG)
        .registerConverter(Long.TYPE, WholeNumbers.LONG)
        .registerConverter(Integer.class, WholeNumbers.INT)
        .registerConverter(Integer.TYPE, WholeNumbers.INT)
        .setExecutionExceptionHandler(errors)
        .setExitCodeExceptionMapper(errors)
        .setParameterExceptionHandler(errors)
        .setExecutionStrategy(new CheckedFirst());
    return cmd;
  }

  /** The help section's key; ManPage renders the same examples as EXAMPLES. */
  public static final String EXAMPLES_SECTION = "examples";

  /** An "Examples:" section, from {@link Examples}, after the exit codes of every command. */
  private static void addExamples(CommandLine cmd) {
    CommandSpec spec = cmd.getCommandSpec();
    List<String> lines = Examples.BY_COMMAND.get(words(spec));
    if (lines != null) {
      var usage = spec.usageMessage();
      Map<String, CommandLine.IHelpSectionRenderer> sections =
          new LinkedHashMap<>(usage.sectionMap());
      sections.put(EXAMPLES_SECTION, new ExamplesSection(lines));
      usage.sectionMap(sections);
      List<String> keys = new ArrayList<>(usage.sectionKeys());
      keys.remove(EXAMPLES_SECTION);
      keys.add(
          keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING),
          EXAMPLES_SECTION);
      usage.sectionKeys(keys);
    }
    for (CommandLine sub : distinct(cmd.getSubcommands().values())) {
      addExamples(sub);
    }
  }

  /** The "Examples:" section's text. */
  private static final class ExamplesSection implements CommandLine.IHelpSectionRenderer {
    private final List<String> lines;

    ExamplesSection(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public String render(Help help) {
      StringBuilder b = new StringBuilder(String.format("%nExamples:%n"));
      for (String l : lines) {
        b.append("  ").append(l).append(System.lineSeparator());
      }
      return b.toString();
    }
  }

  /** Each subcommand once: an alias is a second key for the same one. */
  private static Collection<CommandLine> distinct(Collection<CommandLine> subcommands) {
    return new LinkedHashSet<>(subcommands);
  }

  /** The command's words after {@code market} ({@code offerings list}; the root's are empty). */
  private static String words(CommandSpec spec) {
    String q = spec.qualifiedName();
    if (q.startsWith("market")) {
      q = q.substring("market".length());
      if (q.startsWith(" ")) {
        q = q.substring(1);
      }
    }
    return q;
  }

  /** Options that must be sound before anything is sent ({@code --jq}) are checked first. */
  private final class CheckedFirst implements CommandLine.IExecutionStrategy {
    @Override
    public int execute(ParseResult parsed) {
      try {
        ctx.checkOutputOptions();
      } catch (CliException e) {
        List<CommandLine> chain = parsed.asCommandLineList();
        throw new CommandLine.ExecutionException(chain.get(chain.size() - 1), e.getMessage(), e);
      }
      return new CommandLine.RunLast().execute(parsed);
    }
  }

  /**
   * {@code --jq} and a help line naming the JSON schema, on exactly the commands that print JSON
   * ({@link JsonSchemas}): one place, so no command can forget either.
   */
  private void addJsonOptions(CommandLine cmd) {
    CommandSpec spec = cmd.getCommandSpec();
    String schema = JsonSchemas.name(words(spec));
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
      spec.usageMessage().footer(footer.toArray(new String[0]));
    }
    for (CommandLine sub : distinct(cmd.getSubcommands().values())) {
      addJsonOptions(sub);
    }
  }

  /** {@code Usage: market rent [OPTIONS] OFFERING-ID}: the global options would drown the rest. */
  private static void abbreviateSynopses(CommandLine cmd) {
    cmd.getCommandSpec().usageMessage().abbreviateSynopsis(true);
    for (CommandLine sub : cmd.getSubcommands().values()) {
      abbreviateSynopses(sub);
    }
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
      // looked for, not asked for: getDeclaredConstructor's NoSuchMethodException (picocli asks
      // for the version provider and completion candidates too) builds its message with streams
      for (Constructor<?> c : cls.getDeclaredConstructors()) {
        Class<?>[] params = c.getParameterTypes();
        if (params.length == 1 && params[0] == CliContext.class) {
          return cls.cast(c.newInstance(ctx));
        }
      }
      return fallback.create(cls);
    }

    /** {@link #create}, failing as picocli fails when it cannot construct a command. */
    Object instance(Class<?> cls) {
      try {
        return create(cls);
      } catch (Exception e) {
        throw new CommandLine.InitializationException("Could not instantiate " + cls + ": " + e, e);
      }
    }
  }
}
