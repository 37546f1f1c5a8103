package dev.market.cli.commands.rent;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.DurationConverter;
import dev.market.cli.ExitCodes;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.commands.rentals.Waiting;
import dev.market.cli.output.Formats;
import dev.market.client.Outcome;
import dev.market.client.RequestOptions;
import dev.market.client.error.InsufficientFundsException;
import dev.market.client.error.MarketException;
import dev.market.protocol.error.ErrorCode;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code market rent OFFERING-ID}: on a terminal, a short dialog fills in what is missing and asks
 * for confirmation; without one it never prompts and needs every value as a flag plus {@code
 * --yes}. Every rent carries one idempotency key (set by the client and reused on its retries), so
 * a retried rent never rents twice.
 */
@Command(
    name = "rent",
    description = {
      "Rent an offering; on a terminal, asks for what is missing.",
      "On a terminal, asks for what is missing (SSH key, contact, hours) and confirms with the",
      "price; without a terminal it never asks: pass the values and --yes.",
      "Prints the new contract id; -o ids: only the id; -o json: {contract_id, message}, or the",
      "Contract object with --wait.",
      "--wait alone waits until the rental is provisioned (connection details ready); exit codes",
      "as for 'market status --wait'."
    })
public final class RentCommand extends BaseCommand {
  static final Set<String> PAYMENT_METHODS = Set.of("wallet", "stripe", "test");
  static final Set<String> CONTACT_KINDS = Set.of("email", "matrix", "telegram", "phone", "url");
  private static final Pattern CONTACT = Pattern.compile("([a-z]+):(\\S.*)");
  private static final long DEFAULT_HOURS = 720;

  @Parameters(paramLabel = "OFFERING-ID", description = "The numeric id from 'offerings list'.")
  long offeringId;

  @Option(
      names = "--ssh-key",
      paramLabel = "FILE",
      description =
          "Your SSH public key file, or - to read it from stdin. Default: the first of"
              + " ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub.")
  String sshKey;

  @Option(
      names = "--contact",
      paramLabel = "KIND:VALUE",
      description = "How the provider reaches you: email:, matrix:, telegram:, phone: or url:.")
  String contact;

  @Option(
      names = "--hours",
      paramLabel = "N",
      description =
          "Rental length in hours, within the offering's range (asked on a terminal; required"
              + " with --yes).")
  Long hours;

  @Option(names = "--memo", paramLabel = "TEXT", description = "A note for the provider.")
  String memo;

  @Option(
      names = "--os",
      paramLabel = "NAME",
      description = "Operating system to install: one the offering lists (case aside).")
  String os;

  @Option(
      names = "--payment-method",
      paramLabel = "METHOD",
      defaultValue = "wallet",
      description =
          "wallet (the default: your prepaid wallet pays), stripe (on Decent Cloud the wallet"
              + " pays too) or test (never sent unless you pass it: Decent Cloud then skips"
              + " payment; our server charges the wallet all the same).")
  String paymentMethod;

  @Option(
      names = "--auto-renew",
      description = "Renew for the same hours at the end while your wallet covers it.")
  boolean autoRenew;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask; rent with the values given (then --hours is required).")
  boolean yes;

  @Option(
      names = "--idempotency-key",
      paramLabel = "KEY",
      description =
          "Renting again with the same KEY (1-255 printable ASCII characters) returns the first"
              + " rental instead of renting twice: for scripts that may run again.")
  String idempotencyKey;

  @Option(
      names = "--wait",
      arity = "0..1",
      fallbackValue = "provisioned",
      paramLabel = "STATE",
      completionCandidates = Waiting.States.class,
      description = "After renting, wait until the rental is in STATE (default provisioned).")
  String waitFor;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long --wait may take: 30s, 10m, 1h (default 10m).")
  Duration timeout;

  public RentCommand(CliContext ctx) {
    super(ctx);
  }

  private String op() {
    return "rent offering " + offeringId;
  }

  @Override
  public Integer call() {
    checkFlags();
    ContractStatus target = waitFor == null ? null : Waiting.parseTarget(waitFor, op());
    String key = sshKey == null ? null : readKeyFlag();
    boolean dialog = ctx.terminal().isInteractive() && !yes && !ctx.dryRun();
    if (!dialog) {
      key = key != null ? key : defaultKey();
      if (!yes && !ctx.dryRun()) {
        throw CliException.usage(
            op() + ": needs confirmation and there is no terminal to ask; pass --yes",
            exactCommand());
      }
      if (hours == null && !ctx.dryRun()) {
        // nobody confirms a price here: what is spent must be on the command line, not a default
        hours = DEFAULT_HOURS;
        String hint = exactCommand();
        hours = null;
        throw CliException.usage(
            op() + ": --hours is required when nothing asks (the price depends on it)", hint);
      }
    }
    // the offering's rules, checked before anything is rented or confirmed (a dry run sends
    // nothing)
    Offering offering = ctx.dryRun() ? null : ctx.client().offerings().get(offeringId);
    if (offering != null) {
      checkAgainst(new OfferingRules(offering), dialog);
    }
    if (dialog) {
      Dialog d = new Dialog(ctx, offeringId, offering);
      key = key != null ? key : d.chooseKey();
      contact = contact != null ? contact : d.askContact();
      os = os != null ? os : d.askSystem();
      hours = hours != null ? hours : d.askHours();
      if (!d.confirm(hours, paymentMethod)) {
        ctx.err().println("not rented");
        ctx.err().flush();
        return 0;
      }
    }
    RentalRequest request =
        new RentalRequest(
            offeringId,
            key,
            paymentMethod,
            hours == null ? DEFAULT_HOURS : hours,
            contact,
            memo,
            os,
            null,
            autoRenew ? Boolean.TRUE : null);
    Outcome<RentalCreated> sent;
    try {
      sent = ctx.client().rentals().create(request, requestOptions());
    } catch (InsufficientFundsException e) {
      throw shortWallet(e, request.durationHours());
    }
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    RentalCreated created = sent.value();
    if (target == null) {
      switch (ctx.printer().format()) {
        case JSON -> ctx.printer().json(created);
        case IDS -> ctx.printer().line(created.contractId());
        case TABLE -> {
          ctx.printer().line(created.contractId());
          ctx.err().println("requested: the provider will accept or reject it");
          ctx.err().println("follow it: market status " + created.contractId() + " --watch");
          ctx.err().flush();
        }
      }
      return 0;
    }
    if (!ctx.printer().isJson()) {
      ctx.printer().line(created.contractId());
    }
    Contract c =
        Waiting.await(
                ctx,
                created.contractId(),
                target,
                timeout == null ? Waiting.DEFAULT_TIMEOUT : timeout)
            .orElseThrow();
    if (ctx.printer().isJson()) {
      ctx.printer().json(c);
    } else if (target.flowRank() >= ContractStatus.PROVISIONED.flowRank()) {
      ctx.err().println("connect: market connect " + created.contractId());
      ctx.err().flush();
    }
    return 0;
  }

  /**
   * A short wallet, with both amounts and how to top up, on either marketplace: our server names
   * them in e9s, Decent Cloud names neither (api/src/openapi/contracts.rs:746), so both are looked
   * up. Our server refuses with 402 and takes a deposit; Decent Cloud is topped up on its website.
   */
  private RuntimeException shortWallet(InsufficientFundsException e, long hours) {
    long price;
    long balance;
    String currency;
    try {
      Offering o = ctx.client().offerings().get(offeringId);
      if (o.monthlyPrice() == null) {
        return e;
      }
      currency = o.currency();
      price = priceE9s(o.monthlyPrice(), hours);
      balance = ctx.client().wallet().show().balance();
    } catch (MarketException | ArithmeticException unknown) {
      return e; // the amounts are not to be had: the marketplace's own words will do
    }
    String amounts =
        "this rent costs "
            + Formats.e9s(price, currency)
            + " and your wallet holds "
            + Formats.e9s(balance, null);
    if (e.status() == ErrorCode.INSUFFICIENT_FUNDS.httpStatus()) {
      long shortfall = Math.max(1, price - balance);
      return new CliException(
          ExitCodes.REFUSED,
          op() + ": insufficient funds: " + amounts,
          "market wallet deposit "
              + Formats.e9s(shortfall, null).replaceFirst("\\.00$", "")
              + "   (the shortfall; then rent again)",
          e);
    }
    return new CliException(
        ExitCodes.REFUSED,
        e.getMessage() + "; " + amounts,
        "top up your wallet (on Decent Cloud: the website's /dashboard/wallet page), then rent"
            + " again",
        e);
  }

  private void checkFlags() {
    if (hours != null && hours < 1) {
      throw CliException.usage(op() + ": --hours must be at least 1, got " + hours, exactCommand());
    }
    String pm = paymentMethod.toLowerCase(Locale.ROOT);
    if (!PAYMENT_METHODS.contains(pm)) {
      throw CliException.usage(
          op() + ": --payment-method '" + paymentMethod + "' is not one of wallet, stripe, test",
          "market rent " + offeringId + " --payment-method wallet");
    }
    paymentMethod = pm;
    if (contact != null) {
      String problem = contactProblem(contact);
      if (problem != null) {
        throw CliException.usage(
            op() + ": --contact: " + problem, "--contact email:you@example.com");
      }
    }
    if (idempotencyKey != null
        && (idempotencyKey.isEmpty()
            || idempotencyKey.length() > 255
            || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
      throw CliException.usage(
          op() + ": --idempotency-key must be 1 to 255 printable ASCII characters, no spaces",
          exactCommand());
    }
    if (timeout != null && waitFor == null) {
      throw CliException.usage(
          op() + ": --timeout needs --wait", "market rent " + offeringId + " --wait --timeout 10m");
    }
  }

  /** Flags the offering cannot take are usage errors (exit 2), before any rent is sent. */
  private void checkAgainst(OfferingRules rules, boolean dialog) {
    if (hours != null && !rules.allows(hours)) {
      long h = hours;
      hours = rules.defaultHours();
      String hint = exactCommand();
      hours = h;
      throw CliException.usage(
          op()
              + ": --hours "
              + h
              + " is outside what this offering allows ("
              + rules.range()
              + " hours)",
          hint);
    }
    if (os != null && !rules.systems().isEmpty()) {
      String listed = rules.matchSystem(os);
      if (listed == null) {
        String given = os;
        os = rules.systems().get(0);
        String hint = exactCommand();
        os = given;
        throw CliException.usage(
            op()
                + ": --os '"
                + given
                + "' is not offered here (one of: "
                + String.join(", ", rules.systems())
                + ")",
            hint);
      }
      os = listed;
    }
    if (rules.outOfStock() && !dialog) {
      ctx.err()
          .println(
              "warning: offering "
                  + offeringId
                  + " is out of stock; the provider may reject the request");
      ctx.err().flush();
    }
  }

  private RequestOptions requestOptions() {
    RequestOptions base = ctx.requestOptions();
    return idempotencyKey == null ? base : base.toBuilder().idempotencyKey(idempotencyKey).build();
  }

  /** {@code null} when fine, else what is wrong (the server checks the value thoroughly). */
  static String contactProblem(String contact) {
    var m = CONTACT.matcher(contact.trim());
    if (!m.matches()) {
      return "'" + contact + "' is not KIND:VALUE (e.g. email:you@example.com)";
    }
    if (!CONTACT_KINDS.contains(m.group(1))) {
      return "unknown kind '" + m.group(1) + "' (one of email, matrix, telegram, phone, url)";
    }
    return null;
  }

  private String readKeyFlag() {
    if (sshKey.equals("-")) {
      return SshKeys.readStdin(ctx.in(), op());
    }
    return SshKeys.read(SshKeys.expand(sshKey, ctx.paths().userHome()), op());
  }

  private String defaultKey() {
    Path found = SshKeys.defaultKey(ctx.paths().sshDir());
    if (found == null) {
      throw CliException.usage(
          op()
              + ": no SSH public key: pass --ssh-key (none of ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub exists)",
          "market rent " + offeringId + " --ssh-key ~/.ssh/YOUR_KEY.pub --yes");
    }
    sshKey = found.toString();
    return SshKeys.read(found, op());
  }

  /** The command with every value given, for a hint a script can copy. */
  private String exactCommand() {
    List<String> parts = new ArrayList<>(List.of("market", "rent", String.valueOf(offeringId)));
    add(parts, "--ssh-key", sshKey);
    add(parts, "--contact", contact);
    add(parts, "--hours", hours == null ? null : String.valueOf(hours));
    add(parts, "--memo", memo);
    add(parts, "--os", os);
    if (idempotencyKey != null && !idempotencyKey.isEmpty() && idempotencyKey.length() <= 255) {
      add(parts, "--idempotency-key", idempotencyKey);
    }
    if (!"wallet".equals(paymentMethod)) {
      add(parts, "--payment-method", paymentMethod);
    }
    parts.add("--yes");
    return String.join(" ", parts);
  }

  private static void add(List<String> parts, String flag, String value) {
    if (value != null) {
      parts.add(flag);
      parts.add(
          value.matches("[A-Za-z0-9_./:@~+=-]+") ? value : "'" + value.replace("'", "'\\''") + "'");
    }
  }

  /**
   * payment_amount_e9s = floor(floor(monthly x 10^9) x hours / 720): docs/protocol.md section 4.
   */
  static long priceE9s(BigDecimal monthly, long hours) {
    if (!Formats.isBounded(monthly)) {
      throw new ArithmeticException("monthly price out of range");
    }
    BigDecimal e9s = monthly.movePointRight(9).setScale(0, RoundingMode.FLOOR);
    return e9s.multiply(BigDecimal.valueOf(hours))
        .divide(Formats.HOURS_PER_MONTH, 0, RoundingMode.FLOOR)
        .longValueExact();
  }
}
