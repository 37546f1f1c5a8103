package dev.market.server.domain.validation;

import dev.market.server.domain.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The renter's {@code contact_method}: {@code kind:value} with a kind of docs/protocol.md section 9
 * (email, matrix, telegram, phone, url). A provider reads it to reach the renter, so each kind gets
 * a plausibility check; nothing is looked up.
 */
public final class Contacts {
  public static final String FIELD = "contact_method";

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
              + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  // @localpart:server.name[:port]
  private static final Pattern MATRIX =
      Pattern.compile(
          "@[a-z0-9._=/+-]{1,100}:"
              + "[A-Za-z0-9](?:[A-Za-z0-9.-]{0,200}[A-Za-z0-9])?(?::[0-9]{1,5})?");
  private static final Pattern TELEGRAM = Pattern.compile("@?[A-Za-z][A-Za-z0-9_]{4,31}");
  private static final Pattern PHONE_CHARS = Pattern.compile("\\+?[0-9 ()./-]+");

  private Contacts() {}

  /**
   * Returns the contact normalised (kind lower case, surrounding whitespace trimmed), or {@code ""}
   * for an absent or blank one (stored as {@code ""}, as Decent Cloud does).
   *
   * @throws DomainException naming {@code contact_method}
   */
  public static String validate(String contact) {
    if (contact == null || contact.isBlank()) {
      return "";
    }
    String c = contact.strip();
    Limits.checkChars(FIELD, c, Limits.CONTACT_CHARS);
    if (c.chars().anyMatch(Character::isISOControl)) {
      throw DomainException.invalid(FIELD, "must not contain control characters or line breaks");
    }
    int colon = c.indexOf(':');
    if (colon <= 0) {
      throw DomainException.invalid(
          FIELD, "expected kind:value with a kind of email, matrix, telegram, phone, url");
    }
    String kind = c.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = c.substring(colon + 1).strip();
    if (value.isEmpty()) {
      throw DomainException.invalid(FIELD, "the " + kind + " value is empty");
    }
    switch (kind) {
      case "email" ->
          require(EMAIL.matcher(value).matches(), "not an email address: expected name@domain");
      case "matrix" ->
          require(
              MATRIX.matcher(value).matches(),
              "not a Matrix ID: expected @user:server, e.g. @alice:example.org");
      case "telegram" ->
          require(
              TELEGRAM.matcher(value).matches(),
              "not a Telegram username: 5 to 32 letters, digits or _, e.g. @alice_b");
      case "phone" -> {
        long digits = value.chars().filter(Character::isDigit).count();
        require(
            PHONE_CHARS.matcher(value).matches() && digits >= 6 && digits <= 15,
            "not a phone number: 6 to 15 digits, optionally +, spaces, dashes, parentheses");
      }
      case "url" ->
          require(isWebUrl(value), "not a web address: expected http:// or https:// and a host");
      default ->
          throw DomainException.invalid(
              FIELD,
              "unknown contact kind '"
                  + c.substring(0, colon)
                  + "': use one of email, matrix, telegram, phone, url");
    }
    return kind + ":" + value;
  }

  private static boolean isWebUrl(String value) {
    if (value.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          && uri.getHost() != null
          && uri.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw DomainException.invalid(FIELD, message);
    }
  }
}
