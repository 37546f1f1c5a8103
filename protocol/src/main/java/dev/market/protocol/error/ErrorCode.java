package dev.market.protocol.error;

import java.util.Optional;

/**
 * The stable {@code code} of an error envelope (docs/protocol.md section 3), with the HTTP status
 * the server answers it with. The server maps every refusal to one of these; the client maps each
 * back to its exception type and the command line picks its hint from it, never from a message's
 * words.
 */
public enum ErrorCode {
  BAD_REQUEST("bad_request", 400),
  UNAUTHORIZED("unauthorized", 401),
  /**
   * The signature's {@code X-Timestamp} is outside the server's window: the signer's clock is off,
   * so the fix is the clock, not the key.
   */
  STALE_TIMESTAMP("stale_timestamp", 401),
  FORBIDDEN("forbidden", 403),
  NOT_FOUND("not_found", 404),
  /** The path is no endpoint of the API: usually an API URL that points at the wrong place. */
  NO_SUCH_ENDPOINT("no_such_endpoint", 404),
  /** The contract is not in a status that allows the change. */
  INVALID_TRANSITION("invalid_transition", 409),
  CONFLICT("conflict", 409),
  /** Renting needs a verified email address on the renter's account (a server setting). */
  EMAIL_NOT_VERIFIED("email_not_verified", 403),
  /**
   * The wallet does not cover the charge (a rent, an extension, a withdrawal); nothing was created
   * or charged. 402 Payment Required: the one refusal a deposit can cure.
   */
  INSUFFICIENT_FUNDS("insufficient_funds", 402),
  TOO_LARGE("too_large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
  /** A field failed validation; the message starts with the field's name. */
  INVALID("invalid", 422),
  RATE_LIMITED("rate_limited", 429),
  /** Our bug; the message carries the request id to report. */
  INTERNAL("internal", 500),
  UNAVAILABLE("unavailable", 503);

  private final String wire;
  private final int httpStatus;

  ErrorCode(String wire, int httpStatus) {
    this.wire = wire;
    this.httpStatus = httpStatus;
  }

  /** The code as it appears in the envelope's {@code code} field. */
  public String wire() {
    return wire;
  }

  /** The HTTP status the server answers this code with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The code named {@code wire}, or empty for a code this version does not know. */
  public static Optional<ErrorCode> fromWire(String wire) {
    if (wire != null) {
      for (ErrorCode c : values()) {
        if (c.wire.equals(wire)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The code for an error the server knows only by its HTTP status (a framework refusal): 409 is
   * {@link #CONFLICT}, any 5xx {@link #INTERNAL} except 503, an unlisted 4xx {@link #BAD_REQUEST}.
   */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED;
      case 402 -> INSUFFICIENT_FUNDS;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 413 -> TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> INVALID;
      case 429 -> RATE_LIMITED;
      case 503 -> UNAVAILABLE;
      default -> status >= 500 ? INTERNAL : BAD_REQUEST;
    };
  }
}
