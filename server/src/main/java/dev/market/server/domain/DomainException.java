package dev.market.server.domain;

/**
 * A rule of the marketplace was broken. The HTTP layer maps {@link Kind} to a status code and the
 * envelope's {@code code}; the message goes to the client as is, so it never holds a secret.
 */
public final class DomainException extends RuntimeException {

  /** What kind of refusal this is; each maps to exactly one HTTP status. */
  public enum Kind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    INVALID,
    INVALID_TRANSITION,
    CONFLICT,
    INSUFFICIENT_FUNDS,
    UNAVAILABLE
  }

  private final Kind kind;
  private final String field;

  private DomainException(Kind kind, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  public static DomainException notFound(String message) {
    return new DomainException(Kind.NOT_FOUND, null, message);
  }

  public static DomainException forbidden(String message) {
    return new DomainException(Kind.FORBIDDEN, null, message);
  }

  public static DomainException unauthorized(String message) {
    return new DomainException(Kind.UNAUTHORIZED, null, message);
  }

  public static DomainException badRequest(String message) {
    return new DomainException(Kind.BAD_REQUEST, null, message);
  }

  /** A field failed validation; the message starts with the field name so the client sees it. */
  public static DomainException invalid(String field, String message) {
    return new DomainException(Kind.INVALID, field, field + ": " + message);
  }

  public static DomainException invalidTransition(String message) {
    return new DomainException(Kind.INVALID_TRANSITION, null, message);
  }

  public static DomainException conflict(String message) {
    return new DomainException(Kind.CONFLICT, null, message);
  }

  /** The wallet does not cover a charge; nothing was created or charged. */
  public static DomainException insufficientFunds(String message) {
    return new DomainException(Kind.INSUFFICIENT_FUNDS, null, message);
  }

  public static DomainException unavailable(String message) {
    return new DomainException(Kind.UNAVAILABLE, null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The offending field for {@link Kind#INVALID}, else {@code null}. */
  public String field() {
    return field;
  }
}
