package dev.market.client.auth;

import java.util.Locale;

/** User-supplied text made safe to put into a message shown on a terminal. */
final class Printable {
  private Printable() {}

  /**
   * {@code text} with control and format characters escaped as {@code \\uXXXX} (so no terminal
   * escape sequence survives) and cut to {@code max} code points, marked with an ellipsis.
   */
  static String of(String text, int max) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      if (count++ == max) {
        return out.append('…').toString();
      }
      int cp = text.codePointAt(i);
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
        out.append(String.format(Locale.ROOT, "\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
