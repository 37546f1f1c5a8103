package dev.market.server;

import dev.market.server.domain.AccountService;
import dev.market.server.domain.DomainException;
import dev.market.server.store.jdbc.JdbcStore;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code market-server account verify USERNAME [--db PATH|URL]}: marks an account's e-mail address
 * verified, for a server started with {@code --require-verified-email} (this server sends no
 * verification mail, so the operator does what Decent Cloud's link does). Safe beside running
 * servers: one short write. Exits 0 when done, 3 when there is no such account, 1 when the database
 * cannot be opened, 2 on bad arguments.
 */
final class AccountVerifyCommand {
  static final int NO_SUCH_ACCOUNT = 3;
  private static final String USAGE =
      "market-server: usage: market-server account verify USERNAME [--db PATH|URL]";

  private AccountVerifyCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String db = ServerConfig.defaultDb();
    String username = null;
    if (args.length == 0 || !args[0].equals("verify")) {
      err.println(USAGE);
      return 2;
    }
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--db=")) {
        db = a.substring("--db=".length());
      } else if (a.equals("--db") && i + 1 < args.length) {
        db = args[++i];
      } else if (!a.startsWith("-") && username == null) {
        username = a;
      } else {
        err.println("market-server: account verify: unknown or incomplete option " + a);
        return 2;
      }
    }
    if (username == null) {
      err.println(USAGE);
      return 2;
    }
    boolean done;
    try (JdbcStore store = JdbcStore.open(db)) {
      done = new AccountService(store, Clock.systemUTC()).markVerified(username);
    } catch (DomainException e) {
      err.println("market-server: " + e.getMessage());
      return 1;
    }
    if (!done) {
      err.println("market-server: account verify: no account named " + username);
      return NO_SUCH_ACCOUNT;
    }
    out.println("verified the e-mail address of " + username);
    return 0;
  }
}
