package dev.market.cli.output;

import dev.market.protocol.model.ContractStatus;

/** ANSI colours, used only when stdout is a terminal and colour is not turned off. */
public final class Style {
  private final boolean enabled;

  public Style(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  public String red(String s) {
    return wrap("31", s);
  }

  public String green(String s) {
    return wrap("32", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String cyan(String s) {
    return wrap("36", s);
  }

  /**
   * A status badge: waiting states yellow, in-progress cyan, usable green, failed or ended early
   * red. Unknown statuses (Decent Cloud's {@code paused}, {@code expired}) are shown as they came.
   */
  public String status(String raw) {
    return switch (ContractStatus.parse(raw)) {
      case REQUESTED, PENDING -> yellow(raw);
      case ACCEPTED, PROVISIONING -> cyan(raw);
      case PROVISIONED, ACTIVE -> green(raw);
      case PAUSED -> yellow(raw);
      case REJECTED, CANCELLED, PROVISIONING_FAILED, EXPIRED -> red(raw);
      case COMPLETED -> dim(raw);
      case UNKNOWN -> raw;
    };
  }

  private String wrap(String code, String s) {
    return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
