package dev.market.client.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.PreparedRequest;
import dev.market.client.error.ConflictException;
import dev.market.client.error.MarketException;
import dev.market.client.error.OutcomeUnknownException;
import dev.market.client.error.RateLimitedException;
import dev.market.client.error.UnauthorizedException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.crypto.Identity;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Sends {@link ApiRequest}s: builds the OkHttp request for each attempt, signed by {@link
 * RequestSigner} with its own timestamp and nonce, applies the {@link RetryPolicy}, and hands the
 * answer to {@link ErrorMapper}. One instance (and one {@link OkHttpClient}) per {@code
 * MarketClient}.
 */
public final class Transport implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  /** A page of 500 offerings is well under 1 MiB; anything this big is not a marketplace answer. */
  private static final long MAX_ANSWER_BYTES = 32L * 1024 * 1024;

  /**
   * Everything the transport needs.
   *
   * @param apiBase the server root with {@code /api/v1} appended
   * @param identity the signer, or {@code null} for anonymous use
   */
  public record Config(
      HttpUrl apiBase,
      Identity identity,
      Clock clock,
      Duration connectTimeout,
      Duration readTimeout,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      String userAgent) {}

  private final Config config;
  private final RequestSigner signer;
  private final OkHttpClient http;

  public Transport(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.signer =
        config.identity() == null ? null : new RequestSigner(config.identity(), config.clock());
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout())
            // RetryPolicy is the only retry loop: OkHttp's own would repeat POSTs it cannot judge
            .retryOnConnectionFailure(false)
            // Without OkHttp's retry, a POST on a pooled connection the server has already closed
            // for idleness fails and may not be repeated. Servers commonly close idle connections
            // after 30 s (Jetty's default, ours included): drop ours well before that.
            .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS))
            // a redirect would be followed with a signature over the old path; report it instead
            .followRedirects(false)
            .followSslRedirects(false);
    if (!config.apiBase().isHttps()) {
      // Every request goes to apiBase and no redirect is followed, so a plain-http client never
      // opens a TLS connection: without a TLS connection spec OkHttp skips loading the platform's
      // trust store (the JDK's cacerts, parsed certificate by certificate), a tenth of the start-up
      // of `market offerings list` against a local marketplace.
      b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http = b.build();
  }

  public Config config() {
    return config;
  }

  /**
   * The request {@code call} would send on its first attempt, signed, without sending it: what a
   * dry run answers.
   */
  public PreparedRequest prepare(ApiRequest call) {
    requireSigner(call);
    return prepared(build(call));
  }

  /** As {@link #send(ApiRequest, Duration)} with the client's read timeout. */
  public ObjectNode send(ApiRequest call) {
    return send(call, null);
  }

  /**
   * Sends {@code call} (retrying as the policy allows) and returns the successful envelope.
   *
   * @param timeout the read timeout of each attempt, or {@code null} for the client's
   * @throws MarketException for every failure
   */
  public ObjectNode send(ApiRequest call, Duration timeout) {
    requireSigner(call);
    Duration readTimeout = timeout == null ? config.readTimeout() : timeout;
    OkHttpClient client =
        timeout == null
            ? http
            // shares the pool and dispatcher: cheap
            : http.newBuilder().readTimeout(timeout).writeTimeout(timeout).build();
    RetryPolicy policy = config.retryPolicy();
    boolean earlierOutcomeUnknown = false;
    for (int attempt = 1; ; attempt++) {
      Request request = build(call);
      ErrorMapper.Answer answer;
      try (Response response = client.newCall(request).execute()) {
        answer = read(response);
      } catch (AnswerTooLargeException e) {
        // the server did answer: repeating would download it again
        throw new UnavailableException(call.operation(), e.status, null, e.getMessage(), null);
      } catch (IOException e) {
        RetryPolicy.Failure failure = classify(e);
        if (failure == null) {
          Thread.currentThread().interrupt();
          throw new UnavailableException(call.operation(), 0, null, "interrupted", e);
        }
        RetryPolicy.Decision decision = policy.onFailure(call.kind(), failure, attempt);
        if (decision.retry()) {
          earlierOutcomeUnknown |= !failure.neverSent();
          pause(call, decision.delay());
          continue;
        }
        if (call.kind() == RetryPolicy.Kind.AT_MOST_ONCE && !failure.neverSent()) {
          throw new OutcomeUnknownException(
              call.operation(),
              0,
              describe(failure, e, readTimeout) + attempts(attempt),
              List.of(),
              e);
        }
        throw new UnavailableException(
            call.operation(), 0, null, describe(failure, e, readTimeout) + attempts(attempt), e);
      }
      RetryPolicy.Decision decision =
          policy.onStatus(call.kind(), answer.status(), answer.retryAfter(), attempt);
      if (decision.retry()) {
        pause(call, decision.delay());
        continue;
      }
      try {
        return ErrorMapper.envelope(call.operation(), answer);
      } catch (ConflictException e) {
        if (!earlierOutcomeUnknown) {
          throw e;
        }
        // a PUT that timed out may have been applied; its repeat then conflicts with itself
        throw new ConflictException(
            e.operation(),
            e.status(),
            e.code(),
            e.serverMessage() + " (an earlier attempt got no answer and may have succeeded)",
            null);
      } catch (UnavailableException e) {
        if (call.kind() == RetryPolicy.Kind.AT_MOST_ONCE
            && (e.status() == 502 || e.status() == 503 || e.status() == 504)) {
          throw new OutcomeUnknownException(
              e.operation(), e.status(), e.serverMessage() + attempts(attempt), List.of(), null);
        }
        if (attempt > 1) {
          throw withAttempts(e, attempt);
        }
        throw e;
      }
    }
  }

  private void requireSigner(ApiRequest call) {
    if (call.signed() && signer == null) {
      throw new UnauthorizedException(
          call.operation(),
          0,
          "no_identity",
          "this call is signed and no identity is configured: load or create one first",
          null);
    }
  }

  private static MarketException withAttempts(UnavailableException e, int attempt) {
    String message = e.serverMessage() + attempts(attempt);
    if (e instanceof RateLimitedException r) {
      return new RateLimitedException(e.operation(), e.code(), message, r.retryAfter(), null);
    }
    return new UnavailableException(e.operation(), e.status(), e.code(), message, null);
  }

  private static String attempts(int attempt) {
    return attempt > 1 ? " (after " + attempt + " attempts)" : "";
  }

  private void pause(ApiRequest call, Duration delay) {
    try {
      config.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(call.operation(), 0, null, "interrupted", e);
    }
  }

  /** A fresh request for one attempt, signed (a fresh timestamp and nonce) when the call is. */
  Request build(ApiRequest call) {
    HttpUrl.Builder url = config.apiBase().newBuilder();
    for (String segment : call.pathSegments()) {
      url.addPathSegment(segment);
    }
    for (Map.Entry<String, String> q : call.query()) {
      if (q.getValue() != null) {
        url.addQueryParameter(q.getKey(), q.getValue());
      }
    }
    RequestBody body =
        call.body() == null ? null : RequestBody.create(call.body(), JSON, 0, call.body().length);
    Request.Builder b =
        new Request.Builder()
            .url(url.build())
            .method(call.method(), body)
            .header("User-Agent", config.userAgent())
            .header("Accept", "application/json");
    if (call.idempotencyKey() != null) {
      b.header("Idempotency-Key", call.idempotencyKey());
    }
    return call.signed() ? signer.sign(b.build()) : b.build();
  }

  private ErrorMapper.Answer read(Response response) throws IOException {
    BufferedSource source = response.body().source();
    if (source.request(MAX_ANSWER_BYTES + 1)) {
      throw new AnswerTooLargeException(response.code());
    }
    byte[] bytes = source.readByteArray();
    return new ErrorMapper.Answer(
        response.code(),
        response.header("Content-Type"),
        bytes,
        retryAfter(response.header("Retry-After")),
        response.header("Location"));
  }

  /** An answer too big to be the marketplace's: not a network failure, so never retried. */
  private static final class AnswerTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    AnswerTooLargeException(int status) {
      super(
          "unreadable answer (HTTP "
              + status
              + "): larger than "
              + MAX_ANSWER_BYTES / (1024 * 1024)
              + " MiB, not a marketplace answer");
      this.status = status;
    }
  }

  /** {@code Retry-After} as delta-seconds or an HTTP-date (RFC 9110 §10.2.3); null if neither. */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        return config.retryPolicy().maxDelay(); // more digits than a long: "a very long time"
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(config.clock().instant(), at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The failure kind, or {@code null} when the thread was interrupted. */
  private static RetryPolicy.Failure classify(IOException e) {
    if (e instanceof UnknownHostException) {
      return RetryPolicy.Failure.UNKNOWN_HOST;
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return RetryPolicy.Failure.TLS_FAILED;
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return RetryPolicy.Failure.CONNECT_FAILED;
    }
    if (e instanceof SocketTimeoutException) {
      return RetryPolicy.Failure.TIMEOUT;
    }
    if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return null;
    }
    return RetryPolicy.Failure.CONNECTION_BROKEN;
  }

  private String describe(RetryPolicy.Failure failure, IOException e, Duration readTimeout) {
    String where = config.apiBase().toString();
    return switch (failure) {
      case CONNECT_FAILED -> "cannot reach the marketplace at " + where + " (" + detail(e) + ")";
      case UNKNOWN_HOST ->
          "cannot find the marketplace's host '"
              + config.apiBase().host()
              + "': the name does not resolve (DNS)";
      case TLS_FAILED ->
          e instanceof javax.net.ssl.SSLHandshakeException
              ? "no secure connection to "
                  + where
                  + ": the TLS handshake failed ("
                  + detail(e)
                  + ")"
              : "no secure connection to "
                  + where
                  + ": the server does not speak TLS (is it plain http?)";
      case TIMEOUT ->
          "no answer from the marketplace at "
              + where
              + " in time (read timeout "
              + readTimeout.toMillis()
              + " ms)";
      default -> "the connection to " + where + " broke (" + detail(e) + ")";
    };
  }

  private static String detail(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : ErrorMapper.sanitize(m);
  }

  private static PreparedRequest prepared(Request request) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 0; i < request.headers().size(); i++) {
      headers.add(Map.entry(request.headers().name(i), request.headers().value(i)));
    }
    byte[] body = RequestSigner.bodyBytes(request.body());
    if (request.body() != null && request.body().contentType() != null) {
      headers.add(Map.entry("Content-Type", request.body().contentType().toString()));
    }
    return new PreparedRequest(
        request.method(), request.url().toString(), List.copyOf(headers), body);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
