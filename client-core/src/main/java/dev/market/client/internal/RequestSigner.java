package dev.market.client.internal;

import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.crypto.RequestSigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Adds the four signing headers of docs/protocol.md section 2 to a request.
 *
 * <p>{@link Transport} signs each attempt's request as it builds it, so every retry gets a fresh
 * timestamp and nonce (the server refuses a nonce it has seen); the dry run signs the first
 * attempt's the same way. It used to be an OkHttp network interceptor that signed requests tagged
 * as such, but OkHttp keys tags by Kotlin class, and the first tag loaded Kotlin's class reflection
 * (about 45 classes, with a table of every function arity) into every signed command. No request is
 * sent twice by OkHttp: its own retries and redirects are off (Transport).
 */
public final class RequestSigner {

  private final Identity identity;
  private final Clock clock;

  public RequestSigner(Identity identity, Clock clock) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A copy of {@code request} with fresh signing headers. */
  public Request sign(Request request) {
    String timestamp = Long.toString(nanos(clock.instant()));
    String nonce = UUID.randomUUID().toString();
    // docs/protocol.md section 2: the exact path as sent (percent-encoding included), never the
    // query
    String path = request.url().encodedPath();
    byte[] message =
        RequestSigning.message(timestamp, nonce, request.method(), path, bodyBytes(request.body()));
    return request
        .newBuilder()
        .header(RequestSigning.HEADER_PUBLIC_KEY, identity.publicKeyHex())
        .header(RequestSigning.HEADER_TIMESTAMP, timestamp)
        .header(RequestSigning.HEADER_NONCE, nonce)
        .header(RequestSigning.HEADER_SIGNATURE, Hex.encode(identity.sign(message)))
        .build();
  }

  static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  /** The exact bytes the body will write; empty for no body. */
  public static byte[] bodyBytes(RequestBody body) {
    if (body == null) {
      return new byte[0];
    }
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      return buffer.readByteArray();
    } catch (IOException e) {
      // our bodies are in-memory byte arrays: writing them to a buffer cannot fail
      throw new UncheckedIOException(e);
    }
  }
}
