package dev.market.server.domain.validation;

/**
 * Input that breaks a rule of docs/protocol.md section 9. The server answers 422 {@code invalid};
 * the message names the field first ("ssh_pubkey: ...") and never echoes secrets.
 */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public ValidationException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
    this.reason = message;
  }

  /** The wire name of the offending field, e.g. {@code ssh_pubkey}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field name. */
  public String reason() {
    return reason;
  }
}
