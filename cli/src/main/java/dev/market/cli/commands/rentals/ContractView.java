package dev.market.cli.commands.rentals;

import dev.market.cli.output.Details;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Style;
import dev.market.cli.output.Table;
import dev.market.protocol.model.Contract;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How contracts are printed by rentals, status and rent. */
public final class ContractView {
  /** Table ids are 12 characters: enough to be unique, and accepted back as a prefix. */
  static final int TABLE_ID_LENGTH = 12;

  private ContractView() {}

  public static void print(Printer p, PrintWriter out, Contract c) {
    switch (p.format()) {
      case JSON -> p.json(c);
      case IDS -> p.line(c.contractId());
      case TABLE -> {
        out.print(details(c, p.style()).render());
        out.flush();
      }
    }
  }

  public static void printList(Printer p, List<Contract> contracts) {
    switch (p.format()) {
      case JSON -> p.json(contracts);
      case IDS -> p.ids(contracts.stream().map(Contract::contractId).toList());
      case TABLE -> p.table(table(contracts, p.style()));
    }
  }

  static Table table(List<Contract> contracts, Style style) {
    Table t =
        new Table()
            .column("ID")
            .styledColumn("STATUS", style::status)
            .shrinkableColumn("OFFERING")
            .column("PROVIDER")
            .column("HOURS")
            .column("PRICE")
            .column("MONEY")
            .column("ENDS")
            .column("RENEW");
    for (Contract c : contracts) {
      t.row(
          shortId(c.contractId()),
          c.status(),
          c.offeringName() != null ? c.offeringName() : c.offeringId(),
          Formats.shortHex(c.providerPubkey()),
          c.durationHours(),
          Formats.e9s(c.paymentAmountE9s(), c.currency()),
          money(c),
          Formats.nanos(c.endTimestampNs()),
          onOff(c.autoRenew()));
    }
    return t;
  }

  /**
   * Where the price went, in the PRICE column's currency: {@code held 24.00}, {@code paid 6.00,
   * refunded 18.00}; empty when the marketplace does not say (Decent Cloud).
   */
  static String money(Contract c) {
    List<String> parts = new ArrayList<>();
    if (c.escrowE9s() != null && c.escrowE9s() > 0) {
      parts.add("held " + Formats.e9s(c.escrowE9s(), null));
    }
    if (c.paidOutE9s() != null && c.paidOutE9s() > 0) {
      parts.add("paid " + Formats.e9s(c.paidOutE9s(), null));
    }
    if (c.refundAmountE9s() != null && c.refundAmountE9s() > 0) {
      parts.add("refunded " + Formats.e9s(c.refundAmountE9s(), null));
    }
    return String.join(", ", parts);
  }

  static String onOff(Boolean b) {
    return b == null ? "" : b ? "on" : "off";
  }

  private static String positive(Long e9s, String currency, String suffix) {
    return e9s == null || e9s <= 0 ? null : Formats.e9s(e9s, currency) + suffix;
  }

  static String shortId(String id) {
    return id == null || id.length() <= TABLE_ID_LENGTH ? id : id.substring(0, TABLE_ID_LENGTH);
  }

  static Details details(Contract c, Style style) {
    return new Details()
        .add("contract", c.contractId())
        .add("status", c.status(), style::status)
        .add("reason", c.statusReason())
        .add(
            "provider memo",
            Objects.equals(c.providerMemo(), c.statusReason()) ? null : c.providerMemo())
        .add("offering", offering(c))
        .add("provider", c.providerPubkey())
        .add("renter", c.requesterPubkey())
        .add("hours", c.durationHours())
        .add("price", Formats.e9s(c.paymentAmountE9s(), c.currency()))
        .add("payment", join(c.paymentMethod(), c.paymentStatus()))
        .add(
            "escrow",
            c.escrowE9s() == null ? null : Formats.e9s(c.escrowE9s(), c.currency()) + " held")
        .add("paid out", positive(c.paidOutE9s(), c.currency(), " to the provider"))
        .add("refunded", positive(c.refundAmountE9s(), c.currency(), " to the renter"))
        .add("renewal", c.autoRenew() == null ? null : "auto-renew " + onOff(c.autoRenew()))
        .add("created", Formats.nanos(c.createdAtNs()))
        .add("updated", Formats.nanos(c.statusUpdatedAtNs()))
        .add("starts", Formats.nanos(c.startTimestampNs()))
        .add("ends", Formats.nanos(c.endTimestampNs()))
        .add("contact", c.requesterContact())
        .add("ssh key", abbreviateKey(c.requesterSshPubkey()))
        .add("system", c.operatingSystem())
        .add("memo", c.requestMemo())
        .add("connection", ConnectCommand.describe(c));
  }

  private static String offering(Contract c) {
    if (c.offeringName() == null) {
      return c.offeringId();
    }
    return c.offeringId() == null
        ? c.offeringName()
        : c.offeringName() + " (" + c.offeringId() + ")";
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    return b == null || b.isBlank() ? a : a + ", " + b;
  }

  /** {@code ssh-ed25519 AAAAC3Nz…Xq9w alice@laptop}: recognisable without the whole blob. */
  static String abbreviateKey(String key) {
    if (key == null) {
      return null;
    }
    String[] parts = key.trim().split("\\s+", 3);
    if (parts.length < 2 || parts[1].length() <= 16) {
      return key;
    }
    String blob = parts[1].substring(0, 8) + "…" + parts[1].substring(parts[1].length() - 4);
    return parts[0] + " " + blob + (parts.length == 3 ? " " + parts[2] : "");
  }
}
