package dev.market.cli.commands;

import dev.market.cli.CliContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command has: the context (its only way to the outside world) and its picocli model.
 * {@link dev.market.cli.Cli} gives each command it builds the global options ({@link
 * dev.market.cli.GlobalOptions}) and its model ({@link #spec(CommandSpec)}). A command returns its
 * exit code; failures are thrown and turned into output by the one error handler.
 */
public abstract class BaseCommand implements Callable<Integer> {
  protected final CliContext ctx;

  /** The command's model, given by {@link dev.market.cli.Cli} once it has built it. */
  protected CommandSpec spec;

  protected BaseCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Gives the command its model. Not picocli's {@code @Spec}: reading that annotation made a proxy
   * class for it in every run.
   */
  public final void spec(CommandSpec spec) {
    this.spec = spec;
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
