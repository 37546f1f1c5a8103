package dev.market.client.internal;

import dev.market.client.error.InvalidRequestException;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.text.TerminalText;
import java.util.Locale;

/** Checks of caller arguments before anything is sent, and their forms in messages. */
public final class Args {
  private Args() {}

  /** {@code id} lower-cased, after checking it is hexadecimal. */
  public static String contractId(String op, String id) {
    if (id == null || id.isEmpty() || !id.chars().allMatch(Args::isHexDigit)) {
      throw new InvalidRequestException(
          op, 0, "invalid", "a contract id is hexadecimal, got '" + printable(id) + "'", null);
    }
    return id.toLowerCase(Locale.ROOT);
  }

  /** {@code pubkey} lower-cased, after checking it is 64 hex characters. */
  public static String pubkey(String op, String pubkey) {
    if (pubkey == null || !Hex.isHex(pubkey, 32)) {
      throw new InvalidRequestException(
          op,
          0,
          "invalid",
          "a public key is 64 hex characters, got '" + printable(pubkey) + "'",
          null);
    }
    return pubkey.toLowerCase(Locale.ROOT);
  }

  /** A contract id as a message shows it: {@code 3f1c2a9b…}. */
  public static String shortId(String id) {
    return Ids.abbreviate(printable(id));
  }

  /** User input echoed in a message: no control characters, bounded length. */
  public static String printable(String s) {
    return TerminalText.line(s, 80);
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
