package dev.market.cli.commands.wallet;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import dev.market.protocol.model.LedgerEntry;
import dev.market.protocol.model.Payment;
import dev.market.protocol.model.Wallet;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market wallet}: the balance and recent ledger; {@code deposit} and {@code withdraw}. */
@Command(
    name = "wallet",
    description = {
      "Show your wallet: the balance and the newest ledger entries (rent holds, refunds, payouts).",
      "-o json: the Wallet object as on the wire (amounts in integer e9s); -o ids: entry ids."
    })
public final class WalletCommand extends BaseCommand {

  public WalletCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public List<Class<?>> subcommands() {
    return List.of(WalletCommand.Deposit.class, WalletCommand.Withdraw.class);
  }

  @Override
  public Integer call() {
    Wallet w = ctx.client().wallet().show();
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(w);
      case IDS ->
          p.ids(
              w.recentLedger() == null
                  ? java.util.List.of()
                  : w.recentLedger().stream().map(e -> String.valueOf(e.id())).toList());
      case TABLE -> {
        p.line("balance  " + Formats.e9s(w.balance(), null));
        if (w.recentLedger() != null && !w.recentLedger().isEmpty()) {
          Table t =
              new Table()
                  .column("ID")
                  .column("TIME")
                  .column("TYPE")
                  .column("AMOUNT")
                  .column("BALANCE")
                  .column("REFERENCE");
          for (LedgerEntry e : w.recentLedger()) {
            t.row(
                e.id(),
                Formats.seconds(e.createdAt()),
                e.entryType(),
                signed(e.amountE9s()),
                Formats.e9s(e.balanceAfterE9s(), null),
                e.reference() == null ? "" : Formats.shortHex(e.reference()));
          }
          p.table(t);
        }
      }
    }
    return 0;
  }

  static String signed(Long e9s) {
    if (e9s == null) {
      return "";
    }
    return (e9s > 0 ? "+" : "") + Formats.e9s(e9s, null);
  }

  /** {@code 25}, {@code 0.5}, {@code 12.000000001} in units to e9s; at most 9 decimals. */
  static long parseAmount(String op, String amount) {
    BigDecimal v;
    try {
      v = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw CliException.usage(
          op + ": AMOUNT must be a plain decimal like 25 or 0.5", "market wallet deposit 25");
    }
    if (v.signum() <= 0
        || v.stripTrailingZeros().scale() > 9
        || v.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      throw CliException.usage(
          op + ": AMOUNT must be more than 0 and at most 1000000, with at most 9 decimals",
          "market wallet deposit 25");
    }
    return v.movePointRight(9).longValueExact();
  }

  static void printPayment(CliContext ctx, String verb, Payment pay) {
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(pay);
      case IDS -> p.line(String.valueOf(pay.balanceE9s()));
      case TABLE -> {
        p.line(
            verb
                + " "
                + Formats.e9s(pay.amountE9s(), null)
                + " ("
                + pay.provider()
                + ", "
                + pay.status()
                + "); balance "
                + Formats.e9s(pay.balanceE9s(), null));
        if (pay.checkoutUrl() != null) {
          ctx.err().println("complete the payment at " + pay.checkoutUrl());
          ctx.err().flush();
        }
      }
    }
  }

  /** {@code market wallet deposit AMOUNT}. */
  @Command(
      name = "deposit",
      description = {
        "Add AMOUNT (units, e.g. 25 or 0.5) to your wallet through the server's payment provider.",
        "A demo server (market-server --demo) credits at once; -o json: the Payment object."
      })
  public static final class Deposit extends BaseCommand {
    @Parameters(paramLabel = "AMOUNT", description = "Units to add, at most 9 decimals.")
    String amount;

    public Deposit(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      long e9s = parseAmount("wallet deposit", amount);
      var sent = ctx.client().wallet().deposit(e9s, ctx.requestOptions());
      if (ctx.printedDryRun(sent)) {
        return 0;
      }
      printPayment(ctx, "deposited", sent.value());
      return 0;
    }
  }

  /** {@code market wallet withdraw AMOUNT}. */
  @Command(
      name = "withdraw",
      description = {
        "Pay AMOUNT (units) out of your wallet, e.g. a provider's earnings.",
        "-o json: the Payment object."
      })
  public static final class Withdraw extends BaseCommand {
    @Parameters(paramLabel = "AMOUNT", description = "Units to pay out, at most 9 decimals.")
    String amount;

    public Withdraw(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      long e9s = parseAmount("wallet withdraw", amount);
      var sent = ctx.client().wallet().withdraw(e9s, ctx.requestOptions());
      if (ctx.printedDryRun(sent)) {
        return 0;
      }
      printPayment(ctx, "withdrew", sent.value());
      return 0;
    }
  }
}
