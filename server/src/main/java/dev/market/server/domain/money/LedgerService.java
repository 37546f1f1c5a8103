package dev.market.server.domain.money;

import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.LedgerEntry;
import dev.market.protocol.model.Payment;
import dev.market.protocol.model.Wallet;
import dev.market.server.domain.Contract;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.MarketStore;
import dev.market.server.domain.Tx;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The money rules of issue 10. Every movement is one balanced {@link Posting}: a rent holds its
 * price in the contract's escrow, and the transition that ends a contract settles that escrow in
 * the same transaction as the status change (the conditional status update decides which of two
 * racing servers settles; the posting's once-key refuses a second settlement outright).
 *
 * <ul>
 *   <li>rejected, expired, provisioningfailed, or cancelled before provisioned: all back to the
 *       renter
 *   <li>cancelled while provisioned or active: the provider gets the used share of the paid period
 *       (rounded down to the e9), the renter the rest
 *   <li>completed: all to the provider
 * </ul>
 */
public final class LedgerService {
  public static final long E9 = 1_000_000_000L;

  /** One deposit or withdrawal moves at most a million units. */
  public static final long MAX_PAYMENT_E9S = 1_000_000L * E9;

  /** No wallet grows beyond a billion units: far from BIGINT's limit, so sums cannot overflow. */
  public static final long MAX_BALANCE_E9S = 1_000_000_000L * E9;

  public static final int RECENT_ENTRIES = 50;

  private final MarketStore store;
  private final Clock clock;
  private final Optional<PaymentProvider> payments;

  public LedgerService(MarketStore store, Clock clock, Optional<PaymentProvider> payments) {
    this.store = store;
    this.clock = clock;
    this.payments = payments;
  }

  long nowNs() {
    Instant now = clock.instant();
    return Math.addExact(Math.multiplyExact(now.getEpochSecond(), E9), now.getNano());
  }

  /** What {@code hours} of an offering at {@code monthlyE9s} a month (720 hours) cost. */
  public static long price(long monthlyE9s, long hours, String field) {
    try {
      return BigInteger.valueOf(monthlyE9s)
          .multiply(BigInteger.valueOf(hours))
          .divide(BigInteger.valueOf(720))
          .longValueExact();
    } catch (ArithmeticException e) {
      throw DomainException.invalid(field, "makes the price too large to represent");
    }
  }

  // ---------------------------------------------------------------- wallets

  public Wallet wallet(String signer, String pathPubkey) {
    own(signer, pathPubkey);
    return store.read(tx -> walletOf(tx, signer));
  }

  static Wallet walletOf(Tx tx, String pubkey) {
    String account = Accounts.wallet(pubkey);
    List<LedgerEntry> lines =
        tx.ledger().recent(account, RECENT_ENTRIES).stream()
            .map(
                l ->
                    new LedgerEntry(
                        l.id(),
                        l.amountE9s(),
                        l.balanceAfterE9s(),
                        l.entryType(),
                        l.reference(),
                        l.createdAtNs() / E9))
            .toList();
    return new Wallet(tx.ledger().balance(account), lines);
  }

  public Payment deposit(String signer, String pathPubkey, Long amountE9s) {
    own(signer, pathPubkey);
    long amount = amount(amountE9s);
    PaymentProvider provider = provider("deposits");
    PaymentProvider.Outcome outcome = provider.deposit(signer, amount);
    if (!outcome.settled()) {
      return new Payment(
          provider.name(),
          "pending",
          amount,
          store.read(tx -> tx.ledger().balance(Accounts.wallet(signer))),
          outcome.checkoutUrl());
    }
    long balance = credit(signer, amount, outcome.reference(), null);
    return new Payment(provider.name(), "credited", amount, balance, null);
  }

  /**
   * Credits a wallet with money that arrived from outside (a payment provider's confirmation). With
   * a once-key, a confirmation delivered twice credits once.
   *
   * @return the balance after
   */
  public long credit(String pubkey, long amountE9s, String reference, String onceKey) {
    return store.write(
        tx -> {
          String account = Accounts.wallet(pubkey);
          if (tx.ledger().balance(account) > MAX_BALANCE_E9S - amountE9s) {
            throw DomainException.invalid(
                "amountE9s", "would take the wallet beyond " + MAX_BALANCE_E9S + " e9s");
          }
          tx.ledger()
              .post(
                  new Posting(
                      EntryType.DEPOSIT,
                      null,
                      account,
                      amountE9s,
                      null,
                      reference,
                      onceKey,
                      nowNs()));
          return tx.ledger().balance(account);
        });
  }

  public Payment withdraw(String signer, String pathPubkey, Long amountE9s) {
    own(signer, pathPubkey);
    long amount = amount(amountE9s);
    PaymentProvider provider = provider("withdrawals");
    return store.write(
        tx -> {
          String account = Accounts.wallet(signer);
          long balance = tx.ledger().balance(account);
          if (balance < amount) {
            throw DomainException.insufficientFunds(
                "insufficient funds: the wallet holds "
                    + balance
                    + " e9s, the withdrawal is "
                    + amount
                    + " e9s");
          }
          // the provider is asked inside the transaction: if it refuses (throws) nothing is
          // debited; if the commit fails after it paid, its reference is in the log to reconcile
          PaymentProvider.Outcome outcome = provider.payout(signer, amount);
          tx.ledger()
              .post(
                  new Posting(
                      EntryType.WITHDRAWAL,
                      account,
                      null,
                      amount,
                      null,
                      outcome.reference(),
                      null,
                      nowNs()));
          return new Payment(
              provider.name(),
              outcome.settled() ? "paid_out" : "pending",
              amount,
              tx.ledger().balance(account),
              outcome.checkoutUrl());
        });
  }

  /**
   * Reconciles the whole ledger in one snapshot (a write transaction: it blocks SQLite writers).
   */
  public LedgerCheck check() {
    return store.write(tx -> tx.ledger().check());
  }

  private PaymentProvider provider(String what) {
    return payments.orElseThrow(
        () ->
            DomainException.conflict(
                "this server takes no "
                    + what
                    + ": it has no payment provider (the demo provider is on with --demo)"));
  }

  private static long amount(Long amountE9s) {
    if (amountE9s == null) {
      throw DomainException.invalid("amountE9s", "is required (an integer number of e9s)");
    }
    if (amountE9s < 1 || amountE9s > MAX_PAYMENT_E9S) {
      throw DomainException.invalid("amountE9s", "must be 1 to " + MAX_PAYMENT_E9S + " e9s");
    }
    return amountE9s;
  }

  private static void own(String signer, String pathPubkey) {
    if (!signer.equalsIgnoreCase(pathPubkey)) {
      throw DomainException.forbidden("the path's public key must be the signer's");
    }
  }

  // ---------------------------------------------------------------- inside contract transactions

  /**
   * Holds a new rental's price in its escrow and records its term; refuses with {@code
   * insufficient_funds} (rolling back the whole rent) when the wallet does not cover it.
   */
  public static void holdForRent(
      Tx tx,
      String contractId,
      String renter,
      long priceE9s,
      long hours,
      boolean autoRenew,
      long nowNs) {
    hold(tx, EntryType.ESCROW_HOLD, contractId, renter, priceE9s, null, nowNs);
    tx.terms().insert(new Term(contractId, autoRenew, hours, nowNs, 0), nowNs);
  }

  /** Moves {@code priceE9s} from the renter's wallet into the contract's escrow. */
  static void hold(
      Tx tx,
      EntryType type,
      String contractId,
      String renter,
      long priceE9s,
      String onceKey,
      long nowNs) {
    if (priceE9s == 0) {
      return;
    }
    boolean held =
        tx.ledger()
            .post(
                new Posting(
                    type,
                    Accounts.wallet(renter),
                    Accounts.escrow(contractId),
                    priceE9s,
                    contractId,
                    null,
                    onceKey,
                    nowNs));
    if (!held) {
      throw DomainException.insufficientFunds(
          "insufficient funds: this costs "
              + priceE9s
              + " e9s and the wallet holds "
              + tx.ledger().balance(Accounts.wallet(renter))
              + " e9s; deposit first (market wallet deposit)");
    }
  }

  /** The transitions that settle a contract's escrow. */
  private static final Set<ContractStatus> SETTLING =
      EnumSet.of(
          ContractStatus.REJECTED,
          ContractStatus.EXPIRED,
          ContractStatus.PROVISIONING_FAILED,
          ContractStatus.COMPLETED,
          ContractStatus.CANCELLED);

  /** What one settlement moved. */
  public record Settlement(long refundE9s, long payoutE9s) {}

  /**
   * Settles a contract's escrow on a transition into {@code to}; called by the state machine in the
   * transaction of the status change, after its conditional update succeeded.
   */
  public static Settlement settle(
      Tx tx, Contract c, ContractStatus from, ContractStatus to, long nowNs) {
    if (!SETTLING.contains(to)) {
      // only an ending settles: no need to read the escrow (issue 11: a rent's move to pending
      // read it for nothing)
      return new Settlement(0, 0);
    }
    String escrow = Accounts.escrow(c.contractId());
    long held = tx.ledger().balance(escrow);
    if (held == 0) {
      return new Settlement(0, 0);
    }
    long payout;
    switch (to) {
      case COMPLETED -> payout = held;
      case CANCELLED -> {
        if (from == ContractStatus.PROVISIONED || from == ContractStatus.ACTIVE) {
          long start =
              tx.terms().find(c.contractId()).map(Term::periodStartNs).orElse(c.startTimestampNs());
          payout = usedShare(held, start, c.endTimestampNs(), nowNs);
        } else {
          payout = 0;
        }
      }
      default -> payout = 0; // rejected, expired, provisioning failed: all back to the renter
    }
    long refund = held - payout;
    if (payout > 0) {
      post(
          tx,
          EntryType.PAYOUT,
          escrow,
          Accounts.wallet(c.providerPubkey()),
          payout,
          c,
          "settle-payout:",
          nowNs);
    }
    if (refund > 0) {
      post(
          tx,
          EntryType.REFUND,
          escrow,
          Accounts.wallet(c.requesterPubkey()),
          refund,
          c,
          "settle-refund:",
          nowNs);
    }
    return new Settlement(refund, payout);
  }

  /** {@code held × used / period}, rounded down; the whole amount once the period is over. */
  static long usedShare(long held, long startNs, long endNs, long nowNs) {
    if (endNs <= startNs || nowNs >= endNs) {
      return held;
    }
    long used = Math.max(0, nowNs - startNs);
    return BigInteger.valueOf(held)
        .multiply(BigInteger.valueOf(used))
        .divide(BigInteger.valueOf(endNs - startNs))
        .longValueExact();
  }

  static void post(
      Tx tx,
      EntryType type,
      String from,
      String to,
      long amount,
      Contract c,
      String oncePrefix,
      long nowNs) {
    if (!tx.ledger()
        .post(
            new Posting(
                type,
                from,
                to,
                amount,
                c.contractId(),
                null,
                oncePrefix == null ? null : oncePrefix + c.contractId(),
                nowNs))) {
      throw new IllegalStateException("escrow of " + c.contractId() + " does not hold " + amount);
    }
  }
}
