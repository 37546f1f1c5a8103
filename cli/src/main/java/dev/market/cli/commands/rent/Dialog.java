package dev.market.cli.commands.rent;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.io.Terminal;
import dev.market.cli.output.Formats;
import dev.market.protocol.model.Offering;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The rent dialog of the plan, on the terminal device: the resource, a choice of SSH key, a contact
 * method, the hours with their price, and a y/N confirmation. Opened only when stdin and stdout are
 * a terminal; every answer can also be given as a flag.
 */
final class Dialog {
  /** Wrong answers tolerated per question before giving up (a stuck script, not a person). */
  private static final int ATTEMPTS = 3;

  private final CliContext ctx;
  private final Terminal term;
  private final long offeringId;
  private final Offering offering;
  private final OfferingRules rules;

  Dialog(CliContext ctx, long offeringId, Offering offering) {
    this.ctx = ctx;
    this.term = ctx.terminal();
    this.offeringId = offeringId;
    this.offering = offering;
    this.rules = new OfferingRules(offering);
    term.show(summary());
  }

  private String summary() {
    StringBuilder b = new StringBuilder();
    b.append("Renting offering ").append(offeringId).append(": ").append(nz(offering.offerName()));
    if (offering.productType() != null) {
      b.append(" (").append(offering.productType()).append(")");
    }
    b.append('\n');
    String specs = Formats.specs(offering);
    String where =
        offering.datacenterCity() == null
            ? nz(offering.datacenterCountry())
            : offering.datacenterCity() + ", " + nz(offering.datacenterCountry());
    if (!specs.isEmpty() || !where.isEmpty()) {
      b.append("  ")
          .append(specs)
          .append(specs.isEmpty() || where.isEmpty() ? "" : " - ")
          .append(where)
          .append('\n');
    }
    if (offering.monthlyPrice() != null) {
      b.append("  ")
          .append(Formats.monthly(offering))
          .append(" a month (")
          .append(Formats.hourly(offering))
          .append(" an hour)\n");
    }
    b.append("  provider ").append(nz(offering.pubkey())).append('\n');
    if (rules.outOfStock()) {
      b.append("  out of stock: the provider may reject the request\n");
    }
    return b.toString();
  }

  String chooseKey() {
    List<Path> keys = SshKeys.candidates(ctx.paths().sshDir());
    if (keys.isEmpty()) {
      for (int i = 0; i < ATTEMPTS; i++) {
        String path = term.readLine("Path to your SSH public key: ");
        if (path == null || path.isBlank()) {
          break;
        }
        try {
          return SshKeys.read(SshKeys.expand(path.trim(), ctx.paths().userHome()), op());
        } catch (CliException e) {
          term.show("  " + e.getMessage() + "\n");
        }
      }
      throw CliException.usage(
          op() + ": no SSH public key chosen", "market rent " + offeringId + " --ssh-key FILE");
    }
    StringBuilder menu = new StringBuilder("SSH key for the machine:\n");
    for (int i = 0; i < keys.size(); i++) {
      String summary;
      try {
        summary = SshKeys.summary(SshKeys.read(keys.get(i), op()));
      } catch (CliException e) {
        summary = "(unreadable)";
      }
      menu.append(String.format("  %d) %s  %s%n", i + 1, keys.get(i).getFileName(), summary));
    }
    term.show(menu.toString());
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String answer = term.readLine("Choose 1-" + keys.size() + " or type a path [1]: ");
      if (answer == null) {
        break;
      }
      String a = answer.trim();
      try {
        if (a.isEmpty()) {
          return SshKeys.read(keys.get(0), op());
        }
        if (a.matches("\\d+")) {
          int n = Integer.parseInt(a);
          if (n >= 1 && n <= keys.size()) {
            return SshKeys.read(keys.get(n - 1), op());
          }
          term.show("  there is no key " + n + "\n");
          continue;
        }
        return SshKeys.read(SshKeys.expand(a, ctx.paths().userHome()), op());
      } catch (CliException e) {
        term.show("  " + e.getMessage() + "\n");
      }
    }
    throw CliException.usage(
        op() + ": no SSH public key chosen", "market rent " + offeringId + " --ssh-key FILE");
  }

  /** A contact method, or {@code null} for none. */
  String askContact() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String answer =
          term.readLine("Contact for the provider (e.g. email:you@example.com; Enter for none): ");
      if (answer == null || answer.isBlank()) {
        return null;
      }
      String problem = RentCommand.contactProblem(answer.trim());
      if (problem == null) {
        return answer.trim();
      }
      term.show("  " + problem + "\n");
    }
    throw CliException.usage(
        op() + ": no valid contact given",
        "market rent " + offeringId + " --contact email:you@example.com");
  }

  /**
   * The hours, within what the offering allows: a value the marketplace would refuse is re-asked.
   */
  long askHours() {
    String range = rules.hasRange() ? ", " + rules.range() : "";
    long fallback = rules.defaultHours();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String answer = term.readLine("Hours" + range + " [" + fallback + "]: ");
      if (answer == null || answer.isBlank()) {
        return fallback;
      }
      String a = answer.trim();
      long h = a.matches("[0-9]{1,15}") ? Long.parseLong(a) : -1;
      if (h < 1) {
        term.show("  '" + a + "' is not a number of hours\n");
      } else if (!rules.allows(h)) {
        term.show("  " + h + " is outside what this offering allows (" + rules.range() + ")\n");
      } else {
        return h;
      }
    }
    throw CliException.usage(
        op() + ": no valid number of hours", "market rent " + offeringId + " --hours " + fallback);
  }

  /** One of the systems the offering lists, or {@code null} when it lists none. */
  String askSystem() {
    List<String> systems = rules.systems();
    if (systems.isEmpty()) {
      return null;
    }
    StringBuilder menu = new StringBuilder("Operating system:\n");
    for (int i = 0; i < systems.size(); i++) {
      menu.append(String.format("  %d) %s%n", i + 1, systems.get(i)));
    }
    term.show(menu.toString());
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String answer = term.readLine("Choose 1-" + systems.size() + " or type its name [1]: ");
      if (answer == null || answer.isBlank()) {
        return systems.get(0);
      }
      String a = answer.trim();
      if (a.matches("[0-9]{1,9}")) {
        int n = Integer.parseInt(a);
        if (n >= 1 && n <= systems.size()) {
          return systems.get(n - 1);
        }
      } else if (rules.matchSystem(a) != null) {
        return rules.matchSystem(a);
      }
      term.show("  '" + a + "' is not one of the systems above\n");
    }
    throw CliException.usage(
        op() + ": no operating system chosen",
        "market rent " + offeringId + " --os '" + systems.get(0) + "'");
  }

  boolean confirm(long hours, String paymentMethod) {
    if (offering.monthlyPrice() != null) {
      long e9s = RentCommand.priceE9s(offering.monthlyPrice(), hours);
      term.show(
          "Price: "
              + Formats.e9s(e9s, offering.currency())
              + " for "
              + hours
              + " hours, paid by "
              + paymentMethod
              + "\n");
      try {
        long balance = ctx.client().wallet().show().balance();
        term.show(
            "Wallet: "
                + Formats.e9s(balance, null)
                + (balance >= e9s
                    ? ", " + Formats.e9s(balance - e9s, null) + " after this rent"
                    : ": not enough; top up first (market wallet deposit AMOUNT, or on Decent"
                        + " Cloud the website's /dashboard/wallet page)")
                + "\n");
      } catch (dev.market.client.error.MarketException e) {
        // a marketplace without our wallet endpoint: the price line is what we know
      }
    }
    String answer = term.readLine("Rent it? [y/N] ");
    if (answer == null) {
      return false;
    }
    String a = answer.trim().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }

  private String op() {
    return "rent offering " + offeringId;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
