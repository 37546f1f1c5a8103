package dev.market.server.domain;

import dev.market.protocol.error.ErrorCode;

/**
 * The one refusal type of the server: a broken rule, a bad request, a failing database. Its {@link
 * Kind} maps to exactly one {@link ErrorCode} (and so one HTTP status); the HTTP layer's error
 * mapping is the only place that turns it into a response. The message goes to the client as is, so
 * it never holds a secret, except for {@link Kind#INTERNAL}, whose message is only logged.
 */
public final class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal this is. */
  public enum Kind {
    BAD_REQUEST(ErrorCode.BAD_REQUEST),
    UNAUTHORIZED(ErrorCode.UNAUTHORIZED),
    /** The signature's timestamp is outside the window: the signer's clock is off. */
    STALE_TIMESTAMP(ErrorCode.STALE_TIMESTAMP),
    FORBIDDEN(ErrorCode.FORBIDDEN),
    NOT_FOUND(ErrorCode.NOT_FOUND),
    INVALID_TRANSITION(ErrorCode.INVALID_TRANSITION),
    CONFLICT(ErrorCode.CONFLICT),
    TOO_LARGE(ErrorCode.TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(ErrorCode.UNSUPPORTED_MEDIA_TYPE),
    /** A field failed validation (or a search expression did not parse); names the field. */
    INVALID(ErrorCode.INVALID),
    RATE_LIMITED(ErrorCode.RATE_LIMITED),
    /** The wallet does not cover a charge (issue 10); nothing was created or charged. */
    INSUFFICIENT_FUNDS(ErrorCode.INSUFFICIENT_FUNDS),
    /** Renting needs a verified e-mail address and the renter has none (a server setting). */
    EMAIL_NOT_VERIFIED(ErrorCode.EMAIL_NOT_VERIFIED),
    /** Our bug or a database failure that is not the client's: logged, never shown. */
    INTERNAL(ErrorCode.INTERNAL),
    UNAVAILABLE(ErrorCode.UNAVAILABLE);

    private final ErrorCode code;

    Kind(ErrorCode code) {
      this.code = code;
    }

    public ErrorCode code() {
      return code;
    }
  }

  private final Kind kind;
  private final String field;
  private final String reason;
  private final int column;
  private final long retryAfterSeconds;

  private DomainException(
      Kind kind,
      String field,
      String reason,
      String message,
      int column,
      long retryAfterSeconds,
      Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.field = field;
    this.reason = reason;
    this.column = column;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  private static DomainException of(Kind kind, String message) {
    return new DomainException(kind, null, message, message, 0, 0, null);
  }

  public static DomainException notFound(String message) {
    return of(Kind.NOT_FOUND, message);
  }

  public static DomainException forbidden(String message) {
    return of(Kind.FORBIDDEN, message);
  }

  public static DomainException unauthorized(String message) {
    return of(Kind.UNAUTHORIZED, message);
  }

  public static DomainException staleTimestamp(String message) {
    return of(Kind.STALE_TIMESTAMP, message);
  }

  public static DomainException badRequest(String message) {
    return of(Kind.BAD_REQUEST, message);
  }

  /** A field failed validation; the message starts with the field name so the client sees it. */
  public static DomainException invalid(String field, String reason) {
    return new DomainException(Kind.INVALID, field, reason, field + ": " + reason, 0, 0, null);
  }

  /**
   * Several fields failed validation at once: one message naming each ({@code offer_name: is
   * required; product_type: is required}), so a client fixes them in one go; {@link #field()} is
   * the first.
   */
  public static DomainException invalidAll(java.util.List<DomainException> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    String message = String.join("; ", problems.stream().map(DomainException::getMessage).toList());
    return new DomainException(Kind.INVALID, problems.get(0).field, message, message, 0, 0, null);
  }

  /**
   * A search expression that cannot be understood. The message names the offending field or token
   * and its 1-based column; the client sees it after {@code q: }.
   */
  public static DomainException searchSyntax(String message, int column) {
    return new DomainException(Kind.INVALID, "q", message, message, column, 0, null);
  }

  public static DomainException invalidTransition(String message) {
    return of(Kind.INVALID_TRANSITION, message);
  }

  public static DomainException conflict(String message) {
    return of(Kind.CONFLICT, message);
  }

  /** The wallet does not cover a charge; nothing was created or charged. */
  public static DomainException insufficientFunds(String message) {
    return of(Kind.INSUFFICIENT_FUNDS, message);
  }

  /** The renter's account has no verified e-mail address, and this server requires one. */
  public static DomainException emailNotVerified(String message) {
    return of(Kind.EMAIL_NOT_VERIFIED, message);
  }

  public static DomainException tooLarge(String message) {
    return of(Kind.TOO_LARGE, message);
  }

  public static DomainException unsupportedMediaType(String message) {
    return of(Kind.UNSUPPORTED_MEDIA_TYPE, message);
  }

  public static DomainException rateLimited(String message, long retryAfterSeconds) {
    return new DomainException(
        Kind.RATE_LIMITED, null, message, message, 0, retryAfterSeconds, null);
  }

  public static DomainException unavailable(String message, Throwable cause) {
    return new DomainException(Kind.UNAVAILABLE, null, message, message, 0, 0, cause);
  }

  /**
   * A failure that is not the client's; {@code message} is logged, the client sees a request id.
   */
  public static DomainException internal(String message, Throwable cause) {
    return new DomainException(Kind.INTERNAL, null, message, message, 0, 0, cause);
  }

  public Kind kind() {
    return kind;
  }

  public ErrorCode code() {
    return kind.code();
  }

  /** The offending field for {@link Kind#INVALID}, else {@code null}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field name. */
  public String reason() {
    return reason;
  }

  /** For a search syntax error, the 1-based column of the problem (0: the whole expression). */
  public int column() {
    return column;
  }

  /** For {@link Kind#RATE_LIMITED}, the whole seconds until a retry may succeed. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The message the client sees in the envelope (a syntax error is prefixed with its field). */
  public String clientMessage() {
    return field != null && !getMessage().startsWith(field + ": ")
        ? field + ": " + getMessage()
        : getMessage();
  }
}
