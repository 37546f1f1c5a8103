package dev.market.server;

import dev.market.server.domain.DomainException;
import dev.market.server.domain.money.LedgerCheck;
import dev.market.server.domain.money.LedgerService;
import dev.market.server.store.jdbc.JdbcStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code market-server ledger check [--db PATH|URL]}: reconciles the ledger of a live database
 * (safe beside running servers: it only reads, in one transaction's snapshot). Prints the figures
 * and one line per mismatch; exits 0 when consistent, 3 on any mismatch, 1 when the database cannot
 * be opened, 2 on bad arguments.
 */
final class LedgerCheckCommand {
  static final int MISMATCH = 3;

  private LedgerCheckCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String db = ServerConfig.defaultDb();
    if (args.length == 0 || !args[0].equals("check")) {
      err.println("market-server: usage: market-server ledger check [--db PATH|URL]");
      return 2;
    }
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--db=")) {
        db = a.substring("--db=".length());
      } else if (a.equals("--db") && i + 1 < args.length) {
        db = args[++i];
      } else {
        err.println("market-server: ledger check: unknown or incomplete option " + a);
        return 2;
      }
    }
    LedgerCheck check;
    try (JdbcStore store = JdbcStore.open(db)) {
      check = new LedgerService(store, Clock.systemUTC(), Optional.empty()).check();
    } catch (DomainException e) {
      err.println("market-server: " + e.getMessage());
      return 1;
    }
    out.println("accounts     " + check.accounts());
    out.println("entries      " + check.entries());
    out.println("deposits     " + check.depositsE9s() + " e9s");
    out.println("withdrawals  " + check.withdrawalsE9s() + " e9s");
    out.println("balances     " + check.balancesE9s() + " e9s");
    out.println("in escrow    " + check.escrowE9s() + " e9s");
    for (String m : check.mismatches()) {
      out.println("MISMATCH     " + m);
    }
    out.println(check.ok() ? "ledger consistent" : check.mismatches().size() + " mismatch(es)");
    return check.ok() ? 0 : MISMATCH;
  }
}
