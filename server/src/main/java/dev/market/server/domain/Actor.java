package dev.market.server.domain;

import dev.market.protocol.model.ContractStatus.Party;

/** Who made a change, as the {@code actor} of a ContractEvent (docs/protocol.md section 5). */
public enum Actor {
  TENANT("tenant", Party.RENTER),
  PROVIDER("provider", Party.PROVIDER),
  SYSTEM("system", Party.SYSTEM);

  private final String wire;
  private final Party party;

  Actor(String wire, Party party) {
    this.wire = wire;
    this.party = party;
  }

  /** The party of the transition table this actor acts as. */
  public Party party() {
    return party;
  }

  public String wire() {
    return wire;
  }
}
