package dev.market.server.http;

/** An HTTP-level refusal (parsing, size, media type, auth headers, rate limit). */
final class ApiError extends RuntimeException {
  final int status;
  final String code;
  final long retryAfterSeconds;

  ApiError(int status, String code, String message) {
    this(status, code, message, 0);
  }

  ApiError(int status, String code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "bad_request", message);
  }

  static ApiError invalid(String field, String message) {
    return new ApiError(422, "invalid", field + ": " + message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message);
  }
}
