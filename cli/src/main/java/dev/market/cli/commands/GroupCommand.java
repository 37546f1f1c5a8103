package dev.market.cli.commands;

import dev.market.cli.CliContext;
import picocli.CommandLine.ParameterException;

/** A noun that only groups subcommands ({@code identity}, {@code offerings}, {@code config}). */
public abstract class GroupCommand extends BaseCommand {
  protected GroupCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
