package dev.market.protocol.crypto;

import java.util.HexFormat;

/** Lower-case hex, strict on input (even length, hex digits only; either case accepted). */
public final class Hex {
  private static final HexFormat FORMAT = HexFormat.of();

  private Hex() {}

  /**
   * Encodes bytes as hex.
   *
   * @param bytes the bytes
   * @return lower-case hex, two characters per byte
   */
  public static String encode(byte[] bytes) {
    return FORMAT.formatHex(bytes);
  }

  /**
   * Decodes hex of either case.
   *
   * @param hex an even number of hex digits
   * @return the bytes
   * @throws IllegalArgumentException on odd length or a non-hex character
   */
  public static byte[] decode(String hex) {
    return FORMAT.parseHex(hex);
  }

  /**
   * Whether {@code s} is exactly {@code bytes} bytes of hex.
   *
   * @param s the text, may be null
   * @param bytes the expected length in bytes
   * @return true when {@code s} has {@code 2 * bytes} hex digits of either case and nothing else
   */
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
