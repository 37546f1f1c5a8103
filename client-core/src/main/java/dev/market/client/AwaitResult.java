package dev.market.client;

import dev.market.protocol.model.Contract;

/**
 * What {@link RentalService#await} saw.
 *
 * @param outcome why it returned
 * @param contract the last contract state seen (never {@code null})
 */
public record AwaitResult(Outcome outcome, Contract contract) {
  /** Why {@code await} returned. */
  public enum Outcome {
    /** The contract is in the target state or later along the normal flow. */
    REACHED,
    /** The contract is in a terminal state from which the target can no longer be reached. */
    UNREACHABLE,
    /** The timeout passed while the contract was still on its way. */
    TIMED_OUT
  }
}
