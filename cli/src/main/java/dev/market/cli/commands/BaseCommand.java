package dev.market.cli.commands;

import dev.market.cli.CliContext;
import dev.market.cli.GlobalOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command has: the context (its only way to the outside world) and the global options. A
 * command returns its exit code; failures are thrown and turned into output by the one error
 * handler.
 */
public abstract class BaseCommand implements Callable<Integer> {
  protected final CliContext ctx;

  // a group only to get its own help section; every option in it is optional and independent
  // picocli fills it by reflection; commands read the values through ctx
  @SuppressWarnings("UnusedVariable")
  @ArgGroup(validate = false, heading = "%nGlobal options:%n", order = 1000)
  private GlobalOptions globals;

  @Spec protected CommandSpec spec;

  protected BaseCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The subcommands, in the order help lists them; none by default. A method, not the {@code
   * subcommands} attribute of {@code @Command}, which picocli builds whole: {@link
   * dev.market.cli.Cli} adds them itself, all of them or only the one a run invokes.
   */
  public List<Class<?>> subcommands() {
    return List.of();
  }

  /** The command's words after {@code market}, e.g. {@code identity new}. */
  protected String commandName() {
    return spec.qualifiedName().replaceFirst("^market ", "");
  }
}
