package dev.market.server.domain.money;

import java.util.Objects;

/**
 * One balanced movement: {@code amountE9s} leaves {@code from} and arrives in {@code to}. A null
 * {@code from} is money entering the marketplace (a deposit), a null {@code to} money leaving it (a
 * withdrawal).
 *
 * @param onceKey when set, a second posting with the same key is refused by the database, so a
 *     settlement cannot happen twice even if two servers race
 */
public record Posting(
    EntryType type,
    String from,
    String to,
    long amountE9s,
    String contractId,
    String reference,
    String onceKey,
    long atNs) {
  public Posting {
    Objects.requireNonNull(type, "type");
    if (from == null && to == null) {
      throw new IllegalArgumentException("a posting needs at least one account");
    }
    if (amountE9s <= 0) {
      throw new IllegalArgumentException("a posting moves a positive amount, not " + amountE9s);
    }
  }
}
