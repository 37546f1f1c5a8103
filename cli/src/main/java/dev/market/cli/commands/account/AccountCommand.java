package dev.market.cli.commands.account;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.GroupCommand;
import dev.market.cli.output.Details;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.client.Outcome;
import dev.market.protocol.model.Account;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code market account ...}: the account of the active identity's key. */
@Command(
    name = "account",
    description = {
      "Your account: a username and an e-mail address for your key.",
      "Decent Cloud needs one with a verified address to rent more than once; a marketplace may"
          + " require it (market-server --require-verified-email)."
    })
public final class AccountCommand extends GroupCommand {
  static final String REGISTER = "market account register --username NAME --email ADDRESS";

  public AccountCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public List<Class<?>> subcommands() {
    return List.of(AccountCommand.Register.class, AccountCommand.Show.class);
  }

  static void print(CliContext ctx, Account a) {
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(a);
      case IDS -> p.ids(List.of(a.username()));
      case TABLE -> {
        Details d =
            new Details()
                .add("username", a.username())
                .add("email", a.email() == null ? "(not shown by the marketplace)" : a.email())
                .add(
                    "verified",
                    a.verified()
                        ? "yes"
                        : "no (open the link the marketplace e-mailed to this address)");
        if (a.publicKeys() != null && !a.publicKeys().isEmpty()) {
          d.add("public key", a.publicKeys().get(0).publicKey());
        }
        d.add("created", Formats.nanos(a.createdAt()));
        ctx.out().print(d.render());
        ctx.out().flush();
      }
    }
  }

  /** {@code market account register --username NAME --email ADDRESS}. */
  @Command(
      name = "register",
      description = {
        "Create the account of your key (POST /accounts).",
        "The address stays unverified until you open the link the marketplace e-mails to it"
            + " (market-server sends none: its operator verifies).",
        "Prints the account as 'account show' does; -o json: the Account object; -o ids: the"
            + " username."
      })
  public static final class Register extends BaseCommand {
    @Option(
        names = "--username",
        paramLabel = "NAME",
        required = true,
        description =
            "3 to 64 letters, digits, '.', '_', '-' or '@', starting and ending with a letter or"
                + " digit; unique on the marketplace, whatever the case.")
    String username;

    @Option(
        names = "--email",
        paramLabel = "ADDRESS",
        required = true,
        description = "Where the marketplace sends the verification link.")
    String email;

    public Register(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      Outcome<Account> sent =
          ctx.client().accounts().register(username, email, ctx.requestOptions());
      if (ctx.printedDryRun(sent)) {
        return 0;
      }
      print(ctx, sent.value());
      if (!ctx.printer().isJson() && !sent.value().verified()) {
        ctx.err().println("next: open the link the marketplace e-mailed to " + email);
        ctx.err().flush();
      }
      return 0;
    }
  }

  /** {@code market account show}. */
  @Command(
      name = "show",
      description = {
        "Show your account: username, e-mail address and whether it is verified.",
        "-o json: the Account object (camelCase, as on the wire); -o ids: the username."
      })
  public static final class Show extends BaseCommand {
    public Show(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      Outcome<Optional<Account>> sent = ctx.client().accounts().mine(ctx.requestOptions());
      if (ctx.printedDryRun(sent)) {
        return 0;
      }
      Account a =
          sent.value()
              .orElseThrow(
                  () ->
                      CliException.refused(
                          "account show: your key has no account on this marketplace", REGISTER));
      print(ctx, a);
      return 0;
    }
  }
}
