package dev.market.cli.commands;

import dev.market.cli.CliContext;
import dev.market.cli.VersionProvider;
import dev.market.cli.commands.config.ConfigCommand;
import dev.market.cli.commands.help.HelpCommand;
import dev.market.cli.commands.help.VersionCommand;
import dev.market.cli.commands.identity.IdentityCommand;
import dev.market.cli.commands.notifications.NotificationsCommand;
import dev.market.cli.commands.offerings.OfferingsCommand;
import dev.market.cli.commands.provider.AcceptCommand;
import dev.market.cli.commands.provider.ContractsCommand;
import dev.market.cli.commands.provider.ProviderCommand;
import dev.market.cli.commands.provider.ProvisionCommand;
import dev.market.cli.commands.provider.RejectCommand;
import dev.market.cli.commands.provider.RequestsCommand;
import dev.market.cli.commands.rent.RentCommand;
import dev.market.cli.commands.rentals.CancelCommand;
import dev.market.cli.commands.rentals.ConnectCommand;
import dev.market.cli.commands.rentals.CredentialsCommand;
import dev.market.cli.commands.rentals.EventsCommand;
import dev.market.cli.commands.rentals.RentalsCommand;
import dev.market.cli.commands.rentals.StatusCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code market}: the root of the command tree. New nouns are registered in {@link #commands()};
 * {@link dev.market.cli.Cli} adds them (all of them, or only the one a run invokes).
 */
@Command(
    name = "market",
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Rent compute on an open marketplace, or offer yours.",
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {
      "Environment: MARKET_API_URL, MARKET_IDENTITY, MARKET_PROFILE (a named marketplace: 'market",
      "config profile'), MARKET_HOME (relocates config and identities),",
      "MARKET_PASSPHRASE (unlocks an encrypted identity in scripts), NO_COLOR, MARKET_HTTP_TIMEOUT",
      "(each attempt's connect and read timeout, default 10s and 30s; reads are tried 3 times).",
      "Run 'market COMMAND --help' for a command's options and output."
    })
public final class MarketCommand extends GroupCommand {
  /**
   * The top-level commands, in the order help lists them. A method, not a constant: each class
   * literal loads its class, and building the root for one command must not load thirty.
   */
  public static List<Class<?>> commands() {
    return List.of(
        // renter
        OfferingsCommand.class,
        RentCommand.class,
        RentalsCommand.class,
        StatusCommand.class,
        EventsCommand.class,
        ConnectCommand.class,
        CredentialsCommand.class,
        CancelCommand.class,
        dev.market.cli.commands.rentals.ExtendCommand.class,
        dev.market.cli.commands.rentals.AutoRenewCommand.class,
        dev.market.cli.commands.rentals.ReviewCommand.class,
        dev.market.cli.commands.wallet.WalletCommand.class,
        NotificationsCommand.class,
        // provider
        RequestsCommand.class,
        AcceptCommand.class,
        RejectCommand.class,
        ProvisionCommand.class,
        ContractsCommand.class,
        ProviderCommand.class,
        // setup
        IdentityCommand.class,
        dev.market.cli.commands.account.AccountCommand.class,
        dev.market.cli.commands.whoami.WhoamiCommand.class,
        ConfigCommand.class,
        HelpCommand.class,
        VersionCommand.class);
  }

  @Override
  public List<Class<?>> subcommands() {
    return commands();
  }

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.")
  boolean version;

  public MarketCommand(CliContext ctx) {
    super(ctx);
  }
}
