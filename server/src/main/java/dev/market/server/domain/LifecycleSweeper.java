package dev.market.server.domain;

import dev.market.protocol.model.ContractStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Ends contracts nobody moves on (issue 10): requests unanswered past the request expiry become
 * {@code expired}, accepted or provisioning contracts unchanged past the provisioning timeout
 * become {@code provisioningfailed} (Decent Cloud's timeout cleanup). Both refund the escrow in
 * full through the state machine's settlement, and notify renter and provider. Each contract is its
 * own transaction; a provider answering at the same moment simply wins or loses the conditional
 * update.
 */
public final class LifecycleSweeper {
  private static final int BATCH = 500;

  private final MarketStore store;
  private final ContractService contracts;
  private final Duration requestExpiry;
  private final Duration provisioningTimeout;

  public LifecycleSweeper(
      MarketStore store,
      ContractService contracts,
      Duration requestExpiry,
      Duration provisioningTimeout) {
    this.store = store;
    this.contracts = contracts;
    this.requestExpiry = requestExpiry;
    this.provisioningTimeout = provisioningTimeout;
  }

  /** Returns how many contracts it ended. */
  public int sweep() {
    return end(
            List.of(ContractStatus.REQUESTED, ContractStatus.PENDING),
            requestExpiry,
            ContractStatus.EXPIRED,
            "expired: the provider did not answer in time")
        + end(
            List.of(ContractStatus.ACCEPTED, ContractStatus.PROVISIONING),
            provisioningTimeout,
            ContractStatus.PROVISIONING_FAILED,
            "provisioning timed out");
  }

  private int end(List<ContractStatus> from, Duration after, ContractStatus to, String why) {
    long cutoff = contracts.nowNs() - after.toNanos();
    List<String> ids = store.read(tx -> tx.terms().unchangedSince(from, cutoff, BATCH));
    int done = 0;
    for (String id : ids) {
      try {
        boolean ended =
            store.write(
                tx -> {
                  Optional<Contract> c = tx.contracts().byId(id);
                  if (c.isEmpty()
                      || !from.contains(c.get().statusValue())
                      || c.get().statusUpdatedAtNs() >= cutoff) {
                    return false;
                  }
                  long now = contracts.nowNs();
                  contracts.move(tx, c.get(), to, "system", Actor.SYSTEM, why, why);
                  ContractService.notifyRenter(
                      tx,
                      c.get(),
                      "rental_" + to.wire(),
                      to == ContractStatus.EXPIRED ? "Rental expired" : "Provisioning failed",
                      "ended (" + why + "); the payment was refunded to your wallet",
                      now);
                  ContractService.notify(
                      tx,
                      c.get().providerPubkey(),
                      "rental_" + to.wire(),
                      to == ContractStatus.EXPIRED
                          ? "Rental request expired"
                          : "Provisioning failed",
                      "The rental of " + c.get().offeringName() + " ended: " + why,
                      id,
                      now);
                  return true;
                });
        if (ended) {
          done++;
        }
      } catch (DomainException e) {
        // moved concurrently: the other change won
      }
    }
    return done;
  }
}
