package dev.market.server.domain.money;

import static dev.market.server.domain.ContractService.event;

import dev.market.protocol.crypto.Hex;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.ExtensionResult;
import dev.market.protocol.model.RentalTerms;
import dev.market.server.domain.Actor;
import dev.market.server.domain.Contract;
import dev.market.server.domain.ContractService;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.MarketStore;
import dev.market.server.domain.Offering;
import dev.market.server.domain.Tx;
import dev.market.server.domain.validation.Limits;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Extensions and auto-renew (Decent Cloud's {@code POST /contracts/:id/extend} and {@code PUT
 * /contracts/:id/auto-renew}). An extension charges the wallet at the offering's current price and
 * moves the end; an auto-renewal at the end pays the finished period to the provider and holds the
 * next one, or, when the wallet does not cover it, lets the rental complete and says why.
 */
public final class TermService {
  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;
  static final long MAX_EXTENSION_HOURS = 87_600;

  private final MarketStore store;
  private final Clock clock;

  public TermService(MarketStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  long nowNs() {
    Instant now = clock.instant();
    return Math.addExact(Math.multiplyExact(now.getEpochSecond(), LedgerService.E9), now.getNano());
  }

  public ExtensionResult extend(String signer, String contractId, Long hours, String memo) {
    if (hours == null) {
      throw DomainException.invalid("extensionHours", "is required");
    }
    if (hours < 1 || hours > MAX_EXTENSION_HOURS) {
      throw DomainException.invalid("extensionHours", "must be 1 to " + MAX_EXTENSION_HOURS);
    }
    Limits.checkChars("memo", memo, Limits.REASON_MEMO_CHARS);
    return store.write(
        tx -> {
          Contract c = asRenter(tx, signer, contractId, "extend");
          ContractStatus status = c.statusValue();
          if (status.isTerminal() || status == ContractStatus.UNKNOWN) {
            throw DomainException.invalidTransition(
                "invalid transition: contract is " + c.status() + "; it cannot be extended");
          }
          Offering o = offering(tx, c);
          long total = Math.addExact(c.durationHours(), hours);
          Long max = o.maxContractHours();
          if (max != null && total > max) {
            throw DomainException.invalid(
                "extensionHours",
                "would make the rental "
                    + total
                    + " hours; the offering allows at most "
                    + max
                    + " (it is "
                    + c.durationHours()
                    + " now)");
          }
          long price =
              c.requesterPubkey().equals(c.providerPubkey())
                  ? 0
                  : LedgerService.price(o.monthlyPriceE9s(), hours, "extensionHours");
          long now = nowNs();
          long newEnd =
              Math.addExact(c.endTimestampNs(), Math.multiplyExact(hours, NANOS_PER_HOUR));
          // the contract row first: it serializes this against a concurrent cancel or completion
          if (!tx.terms()
              .lengthen(c.contractId(), status, c.endTimestampNs(), hours, newEnd, price, now)) {
            throw DomainException.invalidTransition(
                "invalid transition: contract changed concurrently; try again");
          }
          LedgerService.hold(
              tx, EntryType.EXTENSION_HOLD, c.contractId(), signer, price, null, now);
          event(
              tx,
              c.contractId(),
              "extended",
              null,
              null,
              Actor.TENANT,
              "extended by "
                  + hours
                  + " h for "
                  + price
                  + " e9s"
                  + (memo == null ? "" : ": " + memo),
              now);
          ContractService.notify(
              tx,
              c.providerPubkey(),
              "rental_extended",
              "Rental extended",
              "The renter extended " + c.offeringName() + " by " + hours + " h",
              c.contractId(),
              now);
          return new ExtensionResult(price, newEnd, "Contract extended by " + hours + " hours");
        });
  }

  public RentalTerms setAutoRenew(String signer, String contractId, Boolean on) {
    if (on == null) {
      throw DomainException.invalid("autoRenew", "is required (true or false)");
    }
    return store.write(
        tx -> {
          Contract c = asRenter(tx, signer, contractId, "change auto-renew of");
          if (c.statusValue().isTerminal()) {
            throw DomainException.invalidTransition(
                "invalid transition: contract is " + c.status() + "; it cannot renew");
          }
          long now = nowNs();
          if (tx.terms().find(c.contractId()).isEmpty()) {
            tx.terms()
                .insert(
                    new Term(c.contractId(), on, c.durationHours(), c.startTimestampNs(), 0), now);
          } else {
            tx.terms().setAutoRenew(c.contractId(), on, now);
          }
          return view(tx, c);
        });
  }

  public RentalTerms terms(String signer, String contractId) {
    return store.read(tx -> view(tx, party(tx, signer, contractId)));
  }

  static RentalTerms view(Tx tx, Contract c) {
    Term t =
        tx.terms()
            .find(c.contractId())
            .orElse(new Term(c.contractId(), false, c.durationHours(), c.startTimestampNs(), 0));
    return new RentalTerms(
        c.contractId(),
        t.autoRenew(),
        t.termHours(),
        t.periodStartNs(),
        c.endTimestampNs(),
        tx.ledger().balance(Accounts.escrow(c.contractId())),
        t.renewals());
  }

  /**
   * Called by the completion sweep for an active contract past its end, in its transaction: renews
   * it when it auto-renews and the wallet covers another term. Returns whether it renewed; when it
   * did not, the caller completes the contract (which pays the provider).
   */
  public static boolean renewIfDue(Tx tx, Contract c, long nowNs) {
    Term t = tx.terms().find(c.contractId()).orElse(null);
    if (t == null || !t.autoRenew()) {
      return false;
    }
    Offering o = tx.offerings().byId(tx.terms().offeringDbId(c.contractId())).orElse(null);
    long price =
        o == null || c.requesterPubkey().equals(c.providerPubkey())
            ? 0
            : LedgerService.price(o.monthlyPriceE9s(), t.termHours(), "term_hours");
    Long max = o == null ? null : o.maxContractHours();
    long renewedHours = Math.addExact(c.durationHours(), t.termHours());
    if (max != null && renewedHours > max) {
      // the same rule as an extension: a rental never runs past the offering's maximum
      ContractService.notify(
          tx,
          c.requesterPubkey(),
          "renewal_failed",
          "Auto-renew failed",
          "Your rental of "
              + c.offeringName()
              + " could not renew: another "
              + t.termHours()
              + " h would make it "
              + renewedHours
              + " hours and the offering allows at most "
              + max
              + "; it completed",
          c.contractId(),
          nowNs);
      return false;
    }
    long balance = tx.ledger().balance(Accounts.wallet(c.requesterPubkey()));
    if (o == null || balance < price) {
      ContractService.notify(
          tx,
          c.requesterPubkey(),
          "renewal_failed",
          "Auto-renew failed",
          "Your rental of "
              + c.offeringName()
              + (o == null
                  ? " could not renew: its offering is gone"
                  : " could not renew: it costs "
                      + price
                      + " e9s and the wallet holds "
                      + balance
                      + " e9s")
              + "; it completed",
          c.contractId(),
          nowNs);
      return false;
    }
    long oldEnd = c.endTimestampNs();
    long newEnd = Math.addExact(oldEnd, Math.multiplyExact(t.termHours(), NANOS_PER_HOUR));
    if (!tx.terms()
        .lengthen(
            c.contractId(), ContractStatus.ACTIVE, oldEnd, t.termHours(), newEnd, price, nowNs)) {
      return false;
    }
    String escrow = Accounts.escrow(c.contractId());
    long finished = tx.ledger().balance(escrow);
    int n = t.renewals() + 1;
    if (finished > 0) {
      LedgerService.post(
          tx,
          EntryType.PAYOUT,
          escrow,
          Accounts.wallet(c.providerPubkey()),
          finished,
          c,
          "renewal-" + n + "-payout:",
          nowNs);
    }
    LedgerService.hold(
        tx,
        EntryType.RENEWAL_HOLD,
        c.contractId(),
        c.requesterPubkey(),
        price,
        "renewal-" + n + "-hold:" + c.contractId(),
        nowNs);
    tx.terms().renewed(c.contractId(), oldEnd, nowNs);
    event(
        tx,
        c.contractId(),
        "renewed",
        null,
        null,
        Actor.SYSTEM,
        "auto-renewed for " + t.termHours() + " h for " + price + " e9s",
        nowNs);
    for (String who : new String[] {c.requesterPubkey(), c.providerPubkey()}) {
      ContractService.notify(
          tx,
          who,
          "rental_renewed",
          "Rental renewed",
          c.offeringName() + " auto-renewed for " + t.termHours() + " h",
          c.contractId(),
          nowNs);
    }
    return true;
  }

  private static Offering offering(Tx tx, Contract c) {
    return tx.offerings()
        .byId(tx.terms().offeringDbId(c.contractId()))
        .orElseThrow(() -> DomainException.notFound("the offering of this contract is gone"));
  }

  static Contract party(Tx tx, String signer, String contractId) {
    if (contractId == null || !Hex.isHex(contractId, 32)) {
      throw DomainException.notFound("contract not found");
    }
    Contract c =
        tx.contracts()
            .byId(contractId.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> DomainException.notFound("contract not found"));
    if (!signer.equals(c.requesterPubkey()) && !signer.equals(c.providerPubkey())) {
      throw DomainException.notFound("contract not found");
    }
    return c;
  }

  static Contract asRenter(Tx tx, String signer, String contractId, String what) {
    Contract c = party(tx, signer, contractId);
    if (!signer.equals(c.requesterPubkey())) {
      throw DomainException.forbidden("only the renter of this contract may " + what + " it");
    }
    return c;
  }
}
