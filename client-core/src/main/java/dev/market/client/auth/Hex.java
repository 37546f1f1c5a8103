package dev.market.client.auth;

import java.util.HexFormat;

/** Lower-case hex, strict on input (even length, hex digits only; either case accepted). */
public final class Hex {
  private static final HexFormat FORMAT = HexFormat.of();

  private Hex() {}

  public static String encode(byte[] bytes) {
    return FORMAT.formatHex(bytes);
  }

  /**
   * Decodes hex of either case.
   *
   * @throws IllegalArgumentException on odd length or a non-hex character
   */
  public static byte[] decode(String hex) {
    return FORMAT.parseHex(hex);
  }

  /** Whether {@code s} is exactly {@code bytes} bytes of hex. */
  public static boolean isHex(String s, int bytes) {
    if (s == null || s.length() != bytes * 2) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
