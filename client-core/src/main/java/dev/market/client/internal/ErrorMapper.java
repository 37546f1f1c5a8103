package dev.market.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.ConflictException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.InsufficientFundsException;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.MarketException;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.RateLimitedException;
import dev.market.client.error.UnauthorizedException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.error.ErrorCode;
import dev.market.protocol.json.Json;
import dev.market.protocol.text.Secrets;
import dev.market.protocol.text.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one place where an HTTP answer becomes either the envelope's content or a typed {@link
 * MarketException} (docs/protocol.md section 3). Three dialects arrive here:
 *
 * <ul>
 *   <li>our server: a real status plus the envelope with a stable {@code code};
 *   <li>Decent Cloud: business errors as HTTP 200 with {@code success:false} and only a message, so
 *       the type is guessed from the message's words;
 *   <li>Decent Cloud and proxies: 4xx/5xx with a {@code text/plain} (or HTML) body.
 * </ul>
 *
 * A 2xx that is not the envelope is a protocol problem, reported as {@link UnavailableException}:
 * something between us and the marketplace (a captive portal, a wrong base URL) answered instead.
 */
public final class ErrorMapper {
  private static final int MAX_MESSAGE = 300;

  /**
   * An HTTP answer as read off the wire.
   *
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param retryAfter the parsed {@code Retry-After}, or {@code null}
   * @param location the {@code Location} header of a redirect, or {@code null}
   */
  // bodies are bytes as sent or received; nobody compares or mutates them
  @SuppressWarnings("ArrayRecordComponent")
  public record Answer(
      int status, String contentType, byte[] body, Duration retryAfter, String location) {}

  private ErrorMapper() {}

  /**
   * The envelope of a successful answer.
   *
   * @throws MarketException the typed failure for anything else
   */
  public static ObjectNode envelope(String operation, Answer answer) {
    int status = answer.status();
    ObjectNode envelope = parseEnvelope(answer.body());
    if (status >= 200 && status < 300) {
      if (envelope == null || !envelope.path("success").isBoolean()) {
        throw new UnavailableException(
            operation,
            status,
            null,
            "unreadable answer (HTTP "
                + status
                + describeType(answer.contentType())
                + "): not the marketplace's JSON envelope"
                + snippet(answer.body()),
            null);
      }
      if (envelope.get("success").booleanValue()) {
        return envelope;
      }
      String message = envelopeMessage(envelope, "the marketplace refused without saying why");
      String code = textOrNull(envelope.get("code"));
      MarketException byCode = code == null ? null : fromCode(operation, status, code, message);
      return throwIt(byCode != null ? byCode : fromDecentCloudMessage(operation, status, message));
    }
    if (status >= 300 && status < 400) {
      throw new UnavailableException(
          operation,
          status,
          null,
          "unexpected redirect (HTTP "
              + status
              + (answer.location() == null ? "" : " to " + sanitize(answer.location()))
              + "): check the marketplace URL",
          null);
    }
    String code = envelope == null ? null : textOrNull(envelope.get("code"));
    String message =
        envelope != null && envelope.hasNonNull("error")
            ? envelopeMessage(envelope, null)
            : plainMessage(status, answer.body());
    throw fromStatus(operation, status, code, message, answer.retryAfter());
  }

  /** The exception for a non-2xx status. Status first, our {@code code} for statuses we lack. */
  static MarketException fromStatus(
      String operation, int status, String code, String message, Duration retryAfter) {
    if (ErrorCode.fromWire(code).orElse(null) == ErrorCode.EMAIL_NOT_VERIFIED) {
      // the account must change first: a refusal (exit 3), whatever the status says
      return new ConflictException(operation, status, code, message, null);
    }
    if (status == 400 && code == null && message.startsWith("Invalid format: ")) {
      // Decent Cloud's malformed signing header (api/src/auth.rs:120, 134)
      return new UnauthorizedException(operation, status, code, message, null);
    }
    switch (status) {
      case 400, 413, 415, 422 -> {
        return new InvalidRequestException(operation, status, code, message, null);
      }
      case 401 -> {
        return new UnauthorizedException(operation, status, code, message, null);
      }
      case 402 -> {
        return new InsufficientFundsException(operation, status, code, message, null);
      }
      case 403 -> {
        return new ForbiddenException(operation, status, code, message, null);
      }
      case 404 -> {
        return new NotFoundException(operation, status, code, message, null);
      }
      case 409 -> {
        return new ConflictException(operation, status, code, message, null);
      }
      case 429 -> {
        return new RateLimitedException(operation, code, message, retryAfter, null);
      }
      default -> {
        if (status >= 500) {
          return new UnavailableException(operation, status, code, message, null);
        }
        MarketException byCode = code == null ? null : fromCode(operation, status, code, message);
        return byCode != null
            ? byCode
            : new InvalidRequestException(operation, status, code, message, null);
      }
    }
  }

  /**
   * Our server's stable codes (docs/protocol.md section 3); {@code null} for a code this client
   * does not know.
   */
  static MarketException fromCode(String operation, int status, String code, String message) {
    ErrorCode known = ErrorCode.fromWire(code).orElse(null);
    if (known == null) {
      return null;
    }
    return switch (known) {
      case BAD_REQUEST, INVALID, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE ->
          new InvalidRequestException(operation, status, code, message, null);
      case UNAUTHORIZED, STALE_TIMESTAMP ->
          new UnauthorizedException(operation, status, code, message, null);
      case FORBIDDEN -> new ForbiddenException(operation, status, code, message, null);
      case NOT_FOUND, NO_SUCH_ENDPOINT ->
          new NotFoundException(operation, status, code, message, null);
      case INVALID_TRANSITION, CONFLICT, EMAIL_NOT_VERIFIED ->
          new ConflictException(operation, status, code, message, null);
      case INSUFFICIENT_FUNDS ->
          new InsufficientFundsException(operation, status, code, message, null);
      case RATE_LIMITED -> new RateLimitedException(operation, code, message, null, null);
      case INTERNAL, UNAVAILABLE ->
          new UnavailableException(operation, status, code, message, null);
    };
  }

  /**
   * Decent Cloud's {@code 200 + success:false} carries only a sentence: {@link DecentCloudMessages}
   * classifies it by its exact wording in Decent Cloud's source.
   */
  static MarketException fromDecentCloudMessage(String operation, int status, String message) {
    return DecentCloudMessages.classify(operation, status, message);
  }

  /**
   * {@code e} with every occurrence of {@code secret} in its server message masked, so a server
   * that echoes a request field back in an error cannot make us print a password.
   */
  public static MarketException redact(MarketException e, String secret) {
    if (secret == null || secret.isEmpty() || !e.serverMessage().contains(secret)) {
      return e;
    }
    String m = e.serverMessage().replace(secret, "***");
    String op = e.operation();
    int status = e.status();
    String code = e.code();
    if (e instanceof NotFoundException) {
      return new NotFoundException(op, status, code, m, null);
    } else if (e instanceof InvalidRequestException) {
      return new InvalidRequestException(op, status, code, m, null);
    } else if (e instanceof ConflictException) {
      return new ConflictException(op, status, code, m, null);
    } else if (e instanceof UnauthorizedException) {
      return new UnauthorizedException(op, status, code, m, null);
    } else if (e instanceof ForbiddenException) {
      return new ForbiddenException(op, status, code, m, null);
    } else if (e instanceof RateLimitedException r) {
      return new RateLimitedException(op, code, m, r.retryAfter(), null);
    }
    return new UnavailableException(op, status, code, m, null);
  }

  private static ObjectNode throwIt(MarketException e) {
    throw e;
  }

  private static ObjectNode parseEnvelope(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(body);
      return node instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String envelopeMessage(ObjectNode envelope, String fallback) {
    JsonNode error = envelope.get("error");
    String text =
        error == null || error.isNull()
            ? null
            : error.isTextual() ? error.asText() : error.toString();
    if (text == null || text.isBlank()) {
      return fallback;
    }
    return truncate(sanitize(text.strip()));
  }

  /** A text/plain (or anything non-envelope) error body, or the bare status when it is empty. */
  private static String plainMessage(int status, byte[] body) {
    String text = sanitize(new String(body, StandardCharsets.UTF_8).strip());
    if (text.isEmpty() || text.startsWith("<")) {
      // an HTML error page says nothing a user can act on
      return "HTTP " + status + (status >= 500 ? ": the marketplace is unavailable" : "");
    }
    return truncate(text);
  }

  private static String snippet(byte[] body) {
    if (body.length == 0) {
      return " (empty body)";
    }
    String text = sanitize(new String(body, StandardCharsets.UTF_8).strip());
    return text.isEmpty()
        ? ""
        : ": " + truncate(text.length() > 80 ? text.substring(0, 80) + "…" : text);
  }

  private static String describeType(String contentType) {
    return contentType == null ? "" : ", " + sanitize(contentType);
  }

  private static String textOrNull(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }

  /** Control characters (including newlines) would let a server forge lines in our output. */
  static String sanitize(String s) {
    return TerminalText.line(Secrets.redactText(s));
  }

  private static String truncate(String s) {
    return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
  }
}
