package dev.market.server.domain.validation;

import dev.market.server.domain.DomainException;

/**
 * What no stored text may contain: NUL (PostgreSQL cannot store it), other control characters (they
 * forge lines and terminal escapes wherever the text is shown), bidirectional overrides (they make
 * a memo read differently from what it says) and unpaired UTF-16 surrogates (they cannot be encoded
 * and would be stored altered, as '?'). Tab, line feed and carriage return are allowed.
 */
public final class Text {
  private Text() {}

  /** Why {@code s} cannot be stored, or null when it can. */
  public static String problem(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return "must not contain NUL characters";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains an unpaired UTF-16 surrogate";
      }
      if (Character.isLowSurrogate(c)) {
        return "contains an unpaired UTF-16 surrogate";
      }
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return "must not contain control characters";
      }
      if (isBidiControl(c)) {
        return "must not contain bidirectional control characters";
      }
    }
    return null;
  }

  /** Refuses text {@link #problem} finds fault with, naming the field. Null passes. */
  public static String check(String field, String value) {
    if (value != null) {
      String problem = problem(value);
      if (problem != null) {
        throw DomainException.invalid(field, problem);
      }
    }
    return value;
  }

  private static boolean isBidiControl(char c) {
    return c == '\u061c' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }

  /** At most {@code max} characters of untrusted input, for an error message. */
  public static String excerpt(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
