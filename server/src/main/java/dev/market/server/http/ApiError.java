package dev.market.server.http;

import dev.market.protocol.error.ErrorCode;

/** An HTTP-level refusal (parsing, size, media type, auth headers, rate limit). */
final class ApiError extends RuntimeException {
  final ErrorCode code;
  final long retryAfterSeconds;

  ApiError(ErrorCode code, String message) {
    this(code, message, 0);
  }

  ApiError(ErrorCode code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ApiError badRequest(String message) {
    return new ApiError(ErrorCode.BAD_REQUEST, message);
  }

  static ApiError invalid(String field, String message) {
    return new ApiError(ErrorCode.INVALID, field + ": " + message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(ErrorCode.UNAUTHORIZED, message);
  }
}
