package dev.market.protocol.text;

import java.util.Locale;

/**
 * The one sanitizer for untrusted text shown on a terminal: whatever a server, a provider, a renter
 * or a file supplied goes through here before it reaches a message, a table or a detail view, so
 * what a user sees never depends on which path printed it.
 *
 * <p>The policy is the same everywhere: every control character (C0, DEL, C1: the bytes terminal
 * escape sequences are made of) and every Unicode format character (bidi overrides and isolates,
 * zero-width joiners) is escaped as {@code \\uXXXX}, so it can be seen but never acts. {@link
 * #block} keeps line feeds and tabs for multi-line text; {@link #line} escapes those too.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} as one safe line: every control and format character escaped. */
  public static String line(String text) {
    return escape(text, Integer.MAX_VALUE, false);
  }

  /** {@code text} as one safe line, cut to {@code max} code points and marked with an ellipsis. */
  public static String line(String text, int max) {
    return escape(text, max, false);
  }

  /** {@code text} as safe multi-line text: line feeds and tabs kept, everything else escaped. */
  public static String block(String text) {
    return escape(text, Integer.MAX_VALUE, true);
  }

  /** Whether {@code cp} is a character this class escapes on a single line. */
  public static boolean isUnsafe(int cp) {
    return Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT;
  }

  private static String escape(String text, int max, boolean keepLayout) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), 256));
    int count = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      if (count++ == max) {
        return out.append('…').toString();
      }
      int cp = text.codePointAt(i);
      if (keepLayout && (cp == '\n' || cp == '\t')) {
        out.appendCodePoint(cp);
      } else if (isUnsafe(cp)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
