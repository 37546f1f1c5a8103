package dev.market.cli.commands.provider;

import dev.market.cli.commands.ContractIds;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Style;
import dev.market.cli.output.Table;
import dev.market.protocol.model.Contract;
import dev.market.protocol.text.TerminalText;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/** How requests and contracts look to their provider. */
final class ProviderView {
  private ProviderView() {}

  /** Newest first; the server's order is not relied on (Decent Cloud's may differ). */
  static List<Contract> newestFirst(List<Contract> contracts) {
    return contracts.stream()
        .sorted(
            Comparator.comparing(
                    (Contract c) -> c.createdAtNs() == null ? Long.MIN_VALUE : c.createdAtNs())
                .reversed())
        .toList();
  }

  /** {@code -o json}: the Contract array as on the wire; {@code -o ids}: one full id per line. */
  static boolean printMachine(Printer p, List<Contract> contracts) {
    switch (p.format()) {
      case JSON -> p.json(contracts);
      case IDS -> p.ids(contracts.stream().map(Contract::contractId).toList());
      case TABLE -> {
        return false;
      }
    }
    return true;
  }

  /** Requests: what a provider needs to decide, oldest waiting shown with its age. */
  static Table requests(List<Contract> contracts, boolean withStatus, Style style, Instant now) {
    Table t = new Table().column("ID");
    if (withStatus) {
      t.styledColumn("STATUS", style::status);
    }
    t.shrinkableColumn("OFFERING")
        .column("RENTER")
        .column("HOURS")
        .column("AMOUNT")
        .shrinkableColumn("OS")
        .shrinkableColumn("CONTACT")
        .column("SSH KEY")
        .shrinkableColumn("MEMO")
        .column("REQUESTED");
    for (Contract c : contracts) {
      List<Object> row = new ArrayList<>();
      row.add(ContractIds.shortId(c.contractId()));
      if (withStatus) {
        row.add(c.status());
      }
      row.add(offering(c));
      row.add(Formats.shortHex(c.requesterPubkey()));
      row.add(c.durationHours());
      row.add(Formats.e9s(c.paymentAmountE9s(), c.currency()));
      row.add(c.operatingSystem());
      row.add(c.requesterContact());
      row.add(sshKey(c.requesterSshPubkey()));
      row.add(c.requestMemo());
      row.add(age(c.createdAtNs(), now));
      t.row(row.toArray());
    }
    return t;
  }

  /** All contracts: where each one stands. */
  static Table contracts(List<Contract> contracts, Style style) {
    Table t =
        new Table()
            .column("ID")
            .styledColumn("STATUS", style::status)
            .shrinkableColumn("OFFERING")
            .column("RENTER")
            .column("HOURS")
            .column("AMOUNT")
            .column("CREATED")
            .column("UPDATED");
    for (Contract c : contracts) {
      t.row(
          ContractIds.shortId(c.contractId()),
          c.status(),
          offering(c),
          Formats.shortHex(c.requesterPubkey()),
          c.durationHours(),
          Formats.e9s(c.paymentAmountE9s(), c.currency()),
          Formats.nanos(c.createdAtNs()),
          Formats.nanos(c.statusUpdatedAtNs()));
    }
    return t;
  }

  static String offering(Contract c) {
    if (c.offeringName() == null || c.offeringName().isBlank()) {
      return c.offeringId();
    }
    return c.offeringId() == null
        ? c.offeringName()
        : c.offeringName() + " (" + c.offeringId() + ")";
  }

  /**
   * {@code ed25519 SHA256:Kx8vQ2aB…}: the key type and the start of the fingerprint {@code
   * ssh-keygen -lf} prints, enough to tell keys apart; {@code -o json} carries the whole key.
   */
  static String sshKey(String key) {
    if (key == null || key.isBlank()) {
      return "";
    }
    String[] parts = key.trim().split("\\s+", 3);
    if (parts.length >= 2) {
      try {
        byte[] blob = Base64.getDecoder().decode(parts[1]);
        String digest =
            Base64.getEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        String type = parts[0].startsWith("ssh-") ? parts[0].substring(4) : parts[0];
        return TerminalText.line(type, 24) + " SHA256:" + digest.substring(0, 8) + "…";
      } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
        // not an OpenSSH key line (Decent Cloud does not check): show its start instead
      }
    }
    return TerminalText.line(key, 16);
  }

  /** {@code 45s ago}, {@code 12m ago}, {@code 3h ago}, {@code 2d ago}: how long it has waited. */
  static String age(Long createdAtNs, Instant now) {
    if (createdAtNs == null || createdAtNs == 0) {
      return "";
    }
    Instant created = Instant.ofEpochSecond(0, createdAtNs);
    Duration d = Duration.between(created, now);
    if (d.isNegative()) {
      return "just now";
    }
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s ago";
    }
    if (s < 3600) {
      return d.toMinutes() + "m ago";
    }
    if (s < 86_400) {
      return d.toHours() + "h ago";
    }
    return d.toDays() + "d ago";
  }
}
