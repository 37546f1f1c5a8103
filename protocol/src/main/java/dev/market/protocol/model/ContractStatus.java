package dev.market.protocol.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The contract status machine of docs/protocol.md section 6. {@link #UNKNOWN} stands for any status
 * string this client does not know (Decent Cloud also sends {@code paused}); keep the raw string
 * from {@link Contract#status()} to show it.
 */
public enum ContractStatus {
  REQUESTED("requested"),
  PENDING("pending"),
  ACCEPTED("accepted"),
  PROVISIONING("provisioning"),
  PROVISIONED("provisioned"),
  ACTIVE("active"),
  /**
   * Decent Cloud only: an operational contract whose VM is stopped pending a dispute; it resumes or
   * ends (common/src/contract_status.rs:38-42 at 13dda9de). Not terminal, so a wait goes on through
   * it; our server never sets it and has no transitions for it.
   */
  PAUSED("paused"),
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
      case "canceled" -> {
        return CANCELLED;
      }
      case "provisioning_failed", "provisioning-failed" -> {
        return PROVISIONING_FAILED;
      }
      default -> {
        for (ContractStatus status : values()) {
          if (status != UNKNOWN && status.wire.equals(s)) {
            return status;
          }
        }
        return UNKNOWN;
      }
    }
  }

  /** Who may make a transition. */
  public enum Party {
    RENTER,
    PROVIDER,
    /** The marketplace itself: validation, auto-accept, completion at the end. */
    SYSTEM
  }

  private static final Set<Party> RENTER_OR_PROVIDER = EnumSet.of(Party.RENTER, Party.PROVIDER);

  /**
   * The transition table of docs/protocol.md section 6: for this state, who may move it to which
   * state. Every non-terminal state can be cancelled by either side; everything else is one side's
   * or the marketplace's step.
   */
  public Map<ContractStatus, Set<Party>> transitions() {
    Map<ContractStatus, Set<Party>> t = new EnumMap<>(ContractStatus.class);
    switch (this) {
      case REQUESTED -> {
        t.put(PENDING, EnumSet.of(Party.SYSTEM));
        t.put(ACCEPTED, EnumSet.of(Party.PROVIDER, Party.SYSTEM));
        t.put(REJECTED, EnumSet.of(Party.PROVIDER));
        t.put(CANCELLED, RENTER_OR_PROVIDER);
        t.put(EXPIRED, EnumSet.of(Party.SYSTEM));
      }
      case PENDING -> {
        t.put(ACCEPTED, EnumSet.of(Party.PROVIDER, Party.SYSTEM));
        t.put(REJECTED, EnumSet.of(Party.PROVIDER));
        t.put(CANCELLED, RENTER_OR_PROVIDER);
        t.put(EXPIRED, EnumSet.of(Party.SYSTEM));
      }
      case ACCEPTED -> {
        t.put(PROVISIONING, EnumSet.of(Party.PROVIDER));
        t.put(REJECTED, EnumSet.of(Party.PROVIDER));
        t.put(CANCELLED, RENTER_OR_PROVIDER);
        // the provider reports it; the marketplace's provisioning timeout (issue 10) too
        t.put(PROVISIONING_FAILED, EnumSet.of(Party.PROVIDER, Party.SYSTEM));
      }
      case PROVISIONING -> {
        t.put(PROVISIONED, EnumSet.of(Party.PROVIDER));
        t.put(PROVISIONING_FAILED, EnumSet.of(Party.PROVIDER, Party.SYSTEM));
        t.put(CANCELLED, RENTER_OR_PROVIDER);
      }
      case PROVISIONED -> {
        t.put(ACTIVE, EnumSet.of(Party.PROVIDER));
        t.put(CANCELLED, RENTER_OR_PROVIDER);
      }
      case ACTIVE -> {
        t.put(COMPLETED, EnumSet.of(Party.SYSTEM));
        t.put(CANCELLED, RENTER_OR_PROVIDER);
      }
      default -> {
        // terminal and unknown states move nowhere
      }
    }
    return Collections.unmodifiableMap(t);
  }

  /** The states this one may move to directly (the "next" column of docs/protocol.md section 6). */
  public Set<ContractStatus> next() {
    Set<ContractStatus> next = EnumSet.noneOf(ContractStatus.class);
    next.addAll(transitions().keySet());
    return next;
  }

  /** Whether {@code party} may move a contract from this state directly to {@code target}. */
  public boolean canMoveTo(ContractStatus target, Party party) {
    return transitions().getOrDefault(target, Set.of()).contains(party);
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
    return switch (this) {
      case REQUESTED -> 0;
      case PENDING -> 1;
      case ACCEPTED -> 2;
      case PROVISIONING -> 3;
      case PROVISIONED -> 4;
      case ACTIVE -> 5;
      case COMPLETED -> 6;
      default -> -1;
    };
  }

  @Override
  public String toString() {
    return wire;
  }
}
