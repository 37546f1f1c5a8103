package dev.market.server.domain;

/** Who made a change, as the {@code actor} of a ContractEvent (docs/protocol.md section 5). */
public enum Actor {
  TENANT("tenant"),
  PROVIDER("provider"),
  SYSTEM("system");

  private final String wire;

  Actor(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
