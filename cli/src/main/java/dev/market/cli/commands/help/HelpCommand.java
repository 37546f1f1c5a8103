package dev.market.cli.commands.help;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.CommandNames;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market help [COMMAND...]}: the same text as {@code market COMMAND --help}. */
@Command(
    name = "help",
    description = {
      "Show the help of market or of a command.",
      "'market help identity new' is 'market identity new --help'."
    })
public final class HelpCommand extends BaseCommand {
  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "A command, with its subcommand if it has them.")
  List<String> words = new ArrayList<>();

  public HelpCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    CommandLine cmd = spec.root().commandLine();
    for (String word : words) {
      CommandLine sub = cmd.getSubcommands().get(word);
      if (sub == null) {
        throw CommandNames.unknown(cmd.getCommandSpec(), word);
      }
      cmd = sub;
    }
    cmd.usage(ctx.out(), cmd.getColorScheme());
    ctx.out().flush();
    return 0;
  }
}
