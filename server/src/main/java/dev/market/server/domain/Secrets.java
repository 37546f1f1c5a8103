package dev.market.server.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text a party sends with a transition (a provider's failure or cancel details, a reject or
 * cancel memo) is stored in the status history and copied into the other party's notification. A
 * secret in it ({@code "root_password":"..."}, {@code password=...}) would be kept in clear in the
 * database, its WAL and its dumps (issue 13). Only the {@code provisioned} report seals {@code
 * root_password} to the renter (protocol section 7); everywhere else the value is dropped.
 */
public final class Secrets {
  static final String REDACTED = "[redacted]";

  // a key naming a secret, as a JSON key or in prose, then ':' or '=', then a quoted or bare value
  private static final Pattern SECRET =
      Pattern.compile(
          "(\"?[A-Za-z0-9_-]*(?:password|passwd|passphrase|secret|token|private[_-]?key|api[_-]?key)"
              + "[A-Za-z0-9_-]*\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^\\s,;}\\]]+)",
          Pattern.CASE_INSENSITIVE);

  private Secrets() {}

  /** {@code text} with the value of every secret-named key replaced; null stays null. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SECRET.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      boolean quoted = m.group(2).startsWith("\"");
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + (quoted ? "\"" + REDACTED + "\"" : REDACTED)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
