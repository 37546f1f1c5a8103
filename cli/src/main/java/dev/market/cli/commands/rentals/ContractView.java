package dev.market.cli.commands.rentals;

import dev.market.cli.output.Details;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Style;
import dev.market.cli.output.Table;
import dev.market.protocol.model.Contract;
import java.io.PrintWriter;
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
            .column("CREATED");
    for (Contract c : contracts) {
      t.row(
          shortId(c.contractId()),
          c.status(),
          c.offeringName() != null ? c.offeringName() : c.offeringId(),
          Formats.shortHex(c.providerPubkey()),
          c.durationHours(),
          Formats.e9s(c.paymentAmountE9s(), c.currency()),
          Formats.nanos(c.createdAtNs()));
    }
    return t;
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
