package dev.market.client.internal;

import java.util.List;
import java.util.Map;

/**
 * One logical call, before it becomes an HTTP request (again for every attempt).
 *
 * @param operation what the caller was doing, for messages: {@code accept contract 3f1c2a9b…}
 * @param pathSegments below {@code /api/v1}, unencoded; each is percent-encoded as one segment
 * @param query parameters in order; {@code null} values are left out
 * @param body exact JSON bytes, or {@code null} for none
 * @param signed whether the signing headers go on it
 * @param idempotencyKey the {@code Idempotency-Key} header, the same on every attempt, or {@code
 *     null}
 */
// bodies are bytes as sent or received; nobody compares or mutates them
@SuppressWarnings("ArrayRecordComponent")
public record ApiRequest(
    String operation,
    String method,
    List<String> pathSegments,
    List<Map.Entry<String, String>> query,
    byte[] body,
    boolean signed,
    RetryPolicy.Kind kind,
    String idempotencyKey) {

  /** This call with {@code key} as its {@code Idempotency-Key}. */
  public ApiRequest withIdempotencyKey(String key) {
    return new ApiRequest(operation, method, pathSegments, query, body, signed, kind, key);
  }

  /** An unsigned GET. */
  public static ApiRequest publicGet(
      String operation, List<String> path, List<Map.Entry<String, String>> query) {
    return new ApiRequest(
        operation, "GET", path, query, null, false, RetryPolicy.Kind.IDEMPOTENT, null);
  }

  /** A signed GET. */
  public static ApiRequest signedGet(String operation, List<String> path) {
    return new ApiRequest(
        operation, "GET", path, List.of(), null, true, RetryPolicy.Kind.IDEMPOTENT, null);
  }

  /** A signed PUT of a whole value: idempotent. */
  public static ApiRequest signedPut(String operation, List<String> path, byte[] body) {
    return new ApiRequest(
        operation, "PUT", path, List.of(), body, true, RetryPolicy.Kind.IDEMPOTENT, null);
  }

  /** A signed POST that is not safe to repeat. */
  public static ApiRequest signedPost(String operation, List<String> path, byte[] body) {
    return new ApiRequest(
        operation, "POST", path, List.of(), body, true, RetryPolicy.Kind.NON_IDEMPOTENT, null);
  }
}
