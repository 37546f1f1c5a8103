package dev.market.server;

import dev.market.server.domain.DomainException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code market-server}: parses flags, starts {@link MarketServer}, prints exactly one line {@code
 * listening on http://HOST:PORT} to stdout when ready and logs to stderr. Exits 2 on bad flags and
 * 1 with one {@code market-server: <reason>} line when it cannot start.
 */
public final class ServerMain {
  private static final String USAGE =
      """
      usage: market-server [options]

      Runs the marketplace API (protocol: /api/v1).

        --port N               port to listen on (default 8787; 0 = any free port)
        --host H               address to bind (default 127.0.0.1; 0.0.0.0 for all)
        --db PATH|URL          SQLite file or jdbc:postgresql://host/db?user=..
                               (default $XDG_DATA_HOME/market/market.db,
                                or ~/.local/share/market/market.db)
        --demo                 load the demo offerings when the database has none
        --no-rate-limits       switch all rate limits off (benchmarks)
        --rent-rate N          rentals per minute per key (default 60)
        --rent-burst N         burst of rentals per key (default 60)
        --address-rate N       requests per minute per address (default 1200)
        --address-burst N      burst of requests per address (default 600)
        --request-expiry D     unanswered requests expire after D (default 24h; 90s, 30m, 2d)
        --provisioning-timeout D
                               accepted/provisioning contracts fail after D (default 24h)
        --require-verified-email
                               renting needs an account with a verified e-mail
                               address, as on Decent Cloud (default off)
        -h, --help             show this help

      market-server ledger check [--db PATH|URL]
                               reconcile the ledger: exit 0 when consistent, 3 on a mismatch
      market-server account verify USERNAME [--db PATH|URL]
                               mark the account's e-mail address verified (this server
                               sends no mail: do it once the user proved the address)\
      """;

  private ServerMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Starts the server and blocks until the JVM is asked to stop; returns an exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length >= 1 && args[0].equals("ledger")) {
      return LedgerCheckCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length >= 1 && args[0].equals("account")) {
      return AccountVerifyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    ServerConfig config;
    try {
      config = parse(args);
    } catch (HelpRequested h) {
      out.println(USAGE);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("market-server: " + e.getMessage());
      err.println("try: market-server --help");
      return 2;
    }
    MarketServer server;
    int port;
    try {
      server = MarketServer.create(config);
    } catch (DomainException e) {
      err.println("market-server: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("market-server: cannot open the database: " + rootMessage(e));
      return 1;
    }
    try {
      port = server.start();
    } catch (RuntimeException e) {
      err.println(
          "market-server: cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + rootMessage(e));
      try {
        server.stop();
      } catch (RuntimeException ignored) {
        // already failing; the reason above is the one that matters
      }
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.stop();
                    err.println("market-server: stopped");
                    err.flush();
                  } finally {
                    stopped.countDown();
                  }
                },
                "market-shutdown"));
    out.println("listening on http://" + displayHost(config.host()) + ":" + port);
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static String displayHost(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().findFirst().orElse(m).trim();
  }

  private static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super(null, null, false, false);
    }
  }

  static ServerConfig parse(String[] args) {
    ServerConfig.Builder b = ServerConfig.builder();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      switch (a) {
        case "-h", "--help" -> throw new HelpRequested();
        case "--demo" -> b.demo(true);
        case "--no-rate-limits" -> b.rateLimitsEnabled(false);
        case "--require-verified-email" -> b.requireVerifiedEmail(true);
        case "--bench-no-replay-store" -> {
          // measures what the replay guard costs; a server that accepts replays is never run
          // by accident, so this needs the JVM flag too (not in --help)
          if (!Boolean.getBoolean("market.bench")) {
            throw new IllegalArgumentException(
                "--bench-no-replay-store accepts replayed requests; it is for bench/ only and"
                    + " needs -Dmarket.bench=true");
          }
          b.replayStore(false);
        }
        case "--port",
            "--host",
            "--db",
            "--rent-rate",
            "--rent-burst",
            "--address-rate",
            "--address-burst",
            "--request-expiry",
            "--provisioning-timeout" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(a + " needs a value");
            }
            value = args[++i];
          }
          apply(b, a, value);
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return b.build();
  }

  private static void apply(ServerConfig.Builder b, String flag, String value) {
    switch (flag) {
      case "--host" -> {
        b.host(value);
        return;
      }
      case "--db" -> {
        if (value.isBlank()) {
          throw new IllegalArgumentException("--db must not be empty");
        }
        b.db(value);
        return;
      }
      case "--request-expiry" -> {
        b.requestExpiry(duration(flag, value));
        return;
      }
      case "--provisioning-timeout" -> {
        b.provisioningTimeout(duration(flag, value));
        return;
      }
      default -> {}
    }
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a whole number, not '" + value + "'");
    }
    switch (flag) {
      case "--port" -> {
        if (n < 0 || n > 65_535) {
          throw new IllegalArgumentException("--port must be 0..65535, not " + n);
        }
        b.port(n);
      }
      case "--rent-rate" -> b.signerRentsPerMinute(positive(flag, n));
      case "--rent-burst" -> b.signerRentBurst(positive(flag, n));
      case "--address-rate" -> b.addressRequestsPerMinute(positive(flag, n));
      default -> b.addressRequestBurst(positive(flag, n));
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 24h}, {@code 2d}: a positive whole number and a unit. */
  static java.time.Duration duration(String flag, String value) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9]{1,9})([smhd])").matcher(value.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
      throw new IllegalArgumentException(
          flag + " must be a positive duration like 90s, 30m, 24h or 2d, not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> java.time.Duration.ofSeconds(n);
      case "m" -> java.time.Duration.ofMinutes(n);
      case "h" -> java.time.Duration.ofHours(n);
      default -> java.time.Duration.ofDays(n);
    };
  }

  private static int positive(String flag, int n) {
    if (n < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1");
    }
    return n;
  }
}
