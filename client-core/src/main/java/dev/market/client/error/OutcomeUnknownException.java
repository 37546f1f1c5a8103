package dev.market.client.error;

import java.util.List;

/**
 * A request that must not be repeated blindly got no usable answer after it was sent (a timeout, a
 * broken connection, a 502/503/504 from a proxy): the marketplace may or may not have acted on it
 * (exit 5). For {@code POST /contracts} on a marketplace that ignores {@code Idempotency-Key} the
 * client has already looked for the rental among the renter's newest ones; {@link #candidates()}
 * lists the contracts that matched when more than one did.
 */
public final class OutcomeUnknownException extends UnavailableException {
  /** The {@link #code()} of every outcome-unknown failure. */
  public static final String CODE = "outcome_unknown";

  private final List<String> candidates;

  public OutcomeUnknownException(
      String operation, int status, String message, List<String> candidates, Throwable cause) {
    super(operation, status, CODE, message, cause);
    this.candidates = List.copyOf(candidates);
  }

  /** Contract ids that may be the one created, newest first; empty when none was found. */
  public List<String> candidates() {
    return candidates;
  }
}
