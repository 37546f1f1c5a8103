package dev.market.client.internal;

import java.util.regex.Pattern;

/** Short forms of ids for messages: a 64-hex contract id or key becomes {@code 3f1c2a9b…}. */
public final class Ids {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

  private Ids() {}

  /** The first 8 characters and an ellipsis for a 64-hex id; anything else unchanged. */
  public static String abbreviate(String id) {
    if (id != null && HEX64.matcher(id).matches()) {
      return id.substring(0, 8) + "…";
    }
    return id;
  }
}
