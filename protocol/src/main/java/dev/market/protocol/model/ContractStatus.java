package dev.market.protocol.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The contract status machine of protocol section 6. {@link #UNKNOWN} stands for any status string
 * this client does not know (Decent Cloud also sends {@code paused}); keep the raw string from
 * {@link Contract#status()} to show it.
 */
public enum ContractStatus {
  REQUESTED("requested"),
  PENDING("pending"),
  ACCEPTED("accepted"),
  PROVISIONING("provisioning"),
  PROVISIONED("provisioned"),
  ACTIVE("active"),
  COMPLETED("completed"),
  REJECTED("rejected"),
  CANCELLED("cancelled"),
  PROVISIONING_FAILED("provisioningfailed"),
  /** A request nobody answered within the server's expiry time; its hold was refunded. */
  EXPIRED("expired"),
  UNKNOWN("unknown");

  private final String wire;

  ContractStatus(String wire) {
    this.wire = wire;
  }

  /** The lower-case string on the wire. */
  public String wire() {
    return wire;
  }

  /**
   * Parses a status string: case-insensitive, accepts {@code canceled} and {@code
   * provisioning_failed}; anything else unknown gives {@link #UNKNOWN}, never an exception.
   */
  public static ContractStatus parse(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    String s = raw.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "canceled":
        return CANCELLED;
      case "provisioning_failed":
      case "provisioning-failed":
        return PROVISIONING_FAILED;
      default:
        for (ContractStatus status : values()) {
          if (status != UNKNOWN && status.wire.equals(s)) {
            return status;
          }
        }
        return UNKNOWN;
    }
  }

  /** The states this one may move to directly (the "next" column of section 6). */
  public Set<ContractStatus> next() {
    switch (this) {
      case REQUESTED:
        return EnumSet.of(PENDING, ACCEPTED, REJECTED, CANCELLED, EXPIRED);
      case PENDING:
        return EnumSet.of(ACCEPTED, REJECTED, CANCELLED, EXPIRED);
      case ACCEPTED:
        return EnumSet.of(PROVISIONING, REJECTED, CANCELLED, PROVISIONING_FAILED);
      case PROVISIONING:
        return EnumSet.of(PROVISIONED, PROVISIONING_FAILED, CANCELLED);
      case PROVISIONED:
        return EnumSet.of(ACTIVE, CANCELLED);
      case ACTIVE:
        return EnumSet.of(COMPLETED, CANCELLED);
      default:
        return EnumSet.noneOf(ContractStatus.class);
    }
  }

  /** Whether a direct transition from this state to {@code target} is allowed. */
  public boolean canMoveTo(ContractStatus target) {
    return next().contains(target);
  }

  /** Terminal states never change again. {@link #UNKNOWN} is not terminal: it may change. */
  public boolean isTerminal() {
    return this == COMPLETED
        || this == REJECTED
        || this == CANCELLED
        || this == PROVISIONING_FAILED
        || this == EXPIRED;
  }

  /**
   * Whether {@code target} can still be reached from this state by some path of the machine
   * (including this state itself).
   */
  public boolean canReach(ContractStatus target) {
    if (this == target) {
      return true;
    }
    Set<ContractStatus> seen = EnumSet.of(this);
    java.util.ArrayDeque<ContractStatus> queue = new java.util.ArrayDeque<>(next());
    while (!queue.isEmpty()) {
      ContractStatus s = queue.poll();
      if (s == target) {
        return true;
      }
      if (seen.add(s)) {
        queue.addAll(s.next());
      }
    }
    return false;
  }

  /**
   * Position along the normal flow requested → pending → accepted → provisioning → provisioned →
   * active → completed; -1 for states off that path. Used to decide whether a contract is "at or
   * past" a state being waited for.
   */
  public int flowRank() {
    switch (this) {
      case REQUESTED:
        return 0;
      case PENDING:
        return 1;
      case ACCEPTED:
        return 2;
      case PROVISIONING:
        return 3;
      case PROVISIONED:
        return 4;
      case ACTIVE:
        return 5;
      case COMPLETED:
        return 6;
      default:
        return -1;
    }
  }

  @Override
  public String toString() {
    return wire;
  }
}
