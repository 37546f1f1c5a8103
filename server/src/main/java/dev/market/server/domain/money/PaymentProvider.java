package dev.market.server.domain.money;

/**
 * Where money comes from and goes to. The server ships {@link DemoPaymentProvider} (instant credit,
 * on with {@code --demo}); a real provider is an implementation of this interface.
 *
 * <p><b>Extension point: a checkout provider (Stripe Checkout and the like).</b> {@link #deposit}
 * creates a checkout session for the amount with the wallet's public key as its client reference
 * and answers {@link Outcome#pending} with the session's URL; nothing is credited yet. The
 * provider's webhook (a new unsigned route that verifies the provider's own signature) then calls
 * {@link LedgerService#credit} with the session id as the reference and {@code "deposit:" +
 * sessionId} as the once-key, so a webhook delivered twice credits once. {@link #payout} likewise
 * starts a transfer (Stripe Connect) and answers pending; the wallet is debited at once so the
 * money cannot be spent twice, and a failed transfer is credited back. No such provider ships: a
 * stub that pretended to charge would be worse than none.
 */
public interface PaymentProvider {

  /** The provider's name, as wallets and payments show it. */
  String name();

  /** Starts a deposit of {@code amountE9s} into the wallet of {@code pubkey}. */
  Outcome deposit(String pubkey, long amountE9s);

  /** Starts paying {@code amountE9s} out of the wallet of {@code pubkey}. */
  Outcome payout(String pubkey, long amountE9s);

  /**
   * What the provider did.
   *
   * @param settled the money moved now: the ledger changes in the same request
   * @param reference the provider's id of this payment, stored on the ledger entry
   * @param checkoutUrl where the user completes a pending deposit, or null
   */
  record Outcome(boolean settled, String reference, String checkoutUrl) {
    public static Outcome settled(String reference) {
      return new Outcome(true, reference, null);
    }

    public static Outcome pending(String reference, String checkoutUrl) {
      return new Outcome(false, reference, checkoutUrl);
    }
  }
}
