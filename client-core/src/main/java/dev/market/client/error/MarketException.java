package dev.market.client.error;

import dev.market.protocol.error.ErrorCode;
import java.util.Optional;

/**
 * Every failure of a marketplace call. The status and the server's {@code code} are mapped once (in
 * the client's error mapping) to one of the permitted subclasses; callers switch on the type.
 *
 * <p>{@link #getMessage()} names the operation and the object: {@code accept contract 3f1c…:
 * invalid transition from rejected}.
 */
public abstract sealed class MarketException extends RuntimeException
    permits RefusedException, AuthException, UnavailableException {
  private final int status;
  private final String code;
  private final String serverMessage;
  private final String operation;

  protected MarketException(
      String operation, int status, String code, String serverMessage, Throwable cause) {
    super(compose(operation, serverMessage), cause);
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
    this.operation = operation;
  }

  private static String compose(String operation, String serverMessage) {
    if (operation == null || operation.isEmpty()) {
      return serverMessage;
    }
    return operation + ": " + serverMessage;
  }

  /** HTTP status, or 0 when no response arrived (network failure). */
  public int status() {
    return status;
  }

  /** The server's machine-readable code ({@code not_found}, ...), or {@code null}. */
  public String code() {
    return code;
  }

  /** The server's code as a known {@link ErrorCode}, or empty (Decent Cloud sends none). */
  public Optional<ErrorCode> errorCode() {
    return ErrorCode.fromWire(code);
  }

  /** What the server (or the transport) said, without the operation prefix. */
  public String serverMessage() {
    return serverMessage;
  }

  /** The operation and object, e.g. {@code accept contract 3f1c…}; may be empty. */
  public String operation() {
    return operation;
  }
}
