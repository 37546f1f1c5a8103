package dev.market.server.domain.validation;

import dev.market.server.domain.DomainException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decent Cloud's rules for a username and an e-mail address, copied so that a name valid on one
 * marketplace is valid on the other (api/src/validation.rs:12-34, 164-192 and
 * api/email-utils/src/validation.rs:5-23 at 13dda9de). Messages name the field.
 */
public final class AccountFields {
  public static final int USERNAME_MIN = 3;
  public static final int USERNAME_MAX = 64;
  public static final int EMAIL_MAX = 255;

  private static final Pattern USERNAME =
      Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{1,62}[a-zA-Z0-9]");
  private static final Pattern EMAIL =
      Pattern.compile("[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}");
  private static final Set<String> RESERVED =
      Set.of(
          "admin",
          "api",
          "system",
          "root",
          "support",
          "moderator",
          "administrator",
          "test",
          "null",
          "undefined",
          "decent",
          "cloud");

  private AccountFields() {}

  /** The username trimmed, case kept. */
  public static String username(String raw) {
    if (raw == null) {
      throw DomainException.invalid("username", "is required");
    }
    String u = raw.strip();
    if (u.length() < USERNAME_MIN) {
      throw DomainException.invalid("username", "must be at least 3 characters");
    }
    if (u.length() > USERNAME_MAX) {
      throw DomainException.invalid("username", "must be at most 64 characters");
    }
    if (!USERNAME.matcher(u).matches()) {
      throw DomainException.invalid(
          "username",
          "must start and end with a letter or digit and contain only letters, digits, '.', '_',"
              + " '-' or '@'");
    }
    if (RESERVED.contains(u.toLowerCase(Locale.ROOT))) {
      throw DomainException.invalid("username", "'" + u + "' is reserved");
    }
    return u;
  }

  /** The address as given (Decent Cloud stores it untrimmed, and so a blank one is refused). */
  public static String email(String raw) {
    if (raw == null || raw.isBlank()) {
      throw DomainException.invalid("email", "is required");
    }
    if (raw.length() > EMAIL_MAX) {
      throw DomainException.invalid("email", "must be at most 255 characters");
    }
    if (!EMAIL.matcher(raw).matches()) {
      throw DomainException.invalid("email", "not an e-mail address: expected name@example.org");
    }
    return raw;
  }
}
