package dev.market.cli;

import dev.market.cli.commands.MarketCommand;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IFactory;

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

  /** A fresh command tree wired to the context. */
  public CommandLine commandLine() {
    ErrorHandler errors = new ErrorHandler(ctx);
    CommandLine cmd = new CommandLine(MarketCommand.class, new ContextFactory(ctx));
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
        .setParameterExceptionHandler(errors);
    return cmd;
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
    int code = FastPath.answer(ctx, args) ? 0 : commandLine().execute(args);
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
