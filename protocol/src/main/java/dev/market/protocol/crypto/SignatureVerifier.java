package dev.market.protocol.crypto;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The server side of docs/protocol.md section 2: checks the four signing headers of one request in
 * the protocol's order (public key → signature → timestamp → nonce → signature verifies) and says
 * which check failed. The last check of the protocol, "nonce not seen before for this key", needs
 * the database and is the server's.
 *
 * <p>Thread-safe and cheap; one instance serves every request. Messages name the header and what is
 * wrong with it, never echo header values.
 */
public final class SignatureVerifier {
  /** The protocol's clock window: a timestamp within ±5 minutes of server time is accepted. */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);

  // canonical 8-4-4-4-12 form only: java.util.UUID.fromString also takes "1-2-3-4-5"
  private static final Pattern UUID_FORM =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  // digits only: Long.parseLong would also take a sign, which no client sends
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,19}");

  private final long maxSkewNanos;

  /** A verifier with the protocol's ±5 minute window. */
  public SignatureVerifier() {
    this(DEFAULT_MAX_SKEW);
  }

  /**
   * A verifier with another clock window (for a server configured more strictly).
   *
   * @param maxSkew how far {@code X-Timestamp} may be from server time, either way, inclusive
   * @throws IllegalArgumentException when {@code maxSkew} is negative
   */
  public SignatureVerifier(Duration maxSkew) {
    if (maxSkew.isNegative()) {
      throw new IllegalArgumentException("maxSkew must not be negative");
    }
    this.maxSkewNanos = maxSkew.toNanos();
  }

  /**
   * Why a request's signature was refused, with the HTTP status docs/protocol.md section 2 gives
   * it.
   */
  public enum Reason {
    /** One of the four headers is absent. */
    MISSING_HEADER(401),
    /** {@code X-Public-Key} is not 64 hex characters. */
    MALFORMED_PUBLIC_KEY(400),
    /** {@code X-Signature} is not 128 hex characters. */
    MALFORMED_SIGNATURE(400),
    /** {@code X-Timestamp} is not a decimal integer of nanoseconds. */
    MALFORMED_TIMESTAMP(400),
    /** {@code X-Timestamp} is more than the allowed window away from server time. */
    STALE_TIMESTAMP(401),
    /** {@code X-Nonce} is not a UUID in its 8-4-4-4-12 form. */
    MALFORMED_NONCE(400),
    /** The signature does not verify for this key, message and the {@code decent-cloud} context. */
    BAD_SIGNATURE(401);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /**
     * The HTTP status to answer with.
     *
     * @return 400 for a malformed header, 401 otherwise
     */
    public int httpStatus() {
      return httpStatus;
    }
  }

  /**
   * The outcome of {@link #verify}: either accepted, with the signer's key, or refused with a
   * reason and a message.
   *
   * @param publicKeyHex the signer's key in lower-case hex when accepted, else {@code null}
   * @param reason why it was refused, {@code null} when accepted
   * @param message a sentence for the response body naming the header, {@code null} when accepted
   */
  public record Verification(String publicKeyHex, Reason reason, String message) {
    static Verification accepted(String publicKeyHex) {
      return new Verification(publicKeyHex, null, null);
    }

    static Verification refused(Reason reason, String message) {
      return new Verification(null, reason, message);
    }

    /**
     * Whether every check passed.
     *
     * @return true when the signature is valid and fresh
     */
    public boolean ok() {
      return reason == null;
    }

    /**
     * The HTTP status for the response.
     *
     * @return 200 when accepted, else the reason's status
     */
    public int httpStatus() {
      return ok() ? 200 : reason.httpStatus();
    }

    /**
     * The signer's 32-byte public key.
     *
     * @return the key
     * @throws IllegalStateException when the request was refused
     */
    public byte[] publicKey() {
      if (!ok()) {
        throw new IllegalStateException("refused request has no verified public key");
      }
      return Hex.decode(publicKeyHex);
    }
  }

  /**
   * Checks one request's signing headers.
   *
   * @param publicKeyHex {@code X-Public-Key}, or {@code null} when absent
   * @param signatureHex {@code X-Signature}, or {@code null} when absent
   * @param timestamp {@code X-Timestamp}, or {@code null} when absent
   * @param nonce {@code X-Nonce}, or {@code null} when absent
   * @param method the request's HTTP method
   * @param path the request path as received, including {@code /api/v1}, excluding the query
   * @param body the exact body bytes received; {@code null} or empty for none
   * @param nowNanos the server's current Unix time in nanoseconds
   * @return accepted with the key, or the first failed check of docs/protocol.md section 2
   */
  public Verification verify(
      String publicKeyHex,
      String signatureHex,
      String timestamp,
      String nonce,
      String method,
      String path,
      byte[] body,
      long nowNanos) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (publicKeyHex == null) {
      return missing(RequestSigning.HEADER_PUBLIC_KEY);
    }
    if (!Hex.isHex(publicKeyHex, 32)) {
      return Verification.refused(
          Reason.MALFORMED_PUBLIC_KEY,
          RequestSigning.HEADER_PUBLIC_KEY + " must be 64 hex characters (a 32-byte Ed25519 key)");
    }
    if (signatureHex == null) {
      return missing(RequestSigning.HEADER_SIGNATURE);
    }
    if (!Hex.isHex(signatureHex, 64)) {
      return Verification.refused(
          Reason.MALFORMED_SIGNATURE,
          RequestSigning.HEADER_SIGNATURE + " must be 128 hex characters (a 64-byte signature)");
    }
    if (timestamp == null) {
      return missing(RequestSigning.HEADER_TIMESTAMP);
    }
    if (!DECIMAL.matcher(timestamp).matches()) {
      return malformedTimestamp();
    }
    long timestampNanos;
    try {
      timestampNanos = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return malformedTimestamp();
    }
    if (!withinWindow(timestampNanos, nowNanos)) {
      return Verification.refused(
          Reason.STALE_TIMESTAMP,
          RequestSigning.HEADER_TIMESTAMP
              + " is more than "
              + maxSkewNanos / 1_000_000_000L
              + " s away from server time; check the clock");
    }
    if (nonce == null) {
      return missing(RequestSigning.HEADER_NONCE);
    }
    if (!UUID_FORM.matcher(nonce).matches()) {
      return Verification.refused(
          Reason.MALFORMED_NONCE,
          RequestSigning.HEADER_NONCE + " must be a UUID (8-4-4-4-12 hex digits)");
    }
    byte[] publicKey = Hex.decode(publicKeyHex);
    byte[] message = RequestSigning.message(timestamp, nonce, method, path, body);
    if (!RequestSigning.verify(publicKey, message, Hex.decode(signatureHex))) {
      return Verification.refused(
          Reason.BAD_SIGNATURE,
          RequestSigning.HEADER_SIGNATURE
              + " does not verify for this key over timestamp, nonce, method, path and body");
    }
    return Verification.accepted(publicKeyHex.toLowerCase(Locale.ROOT));
  }

  private boolean withinWindow(long timestampNanos, long nowNanos) {
    try {
      return Math.absExact(Math.subtractExact(nowNanos, timestampNanos)) <= maxSkewNanos;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  private static Verification missing(String header) {
    return Verification.refused(Reason.MISSING_HEADER, "missing header " + header);
  }

  private static Verification malformedTimestamp() {
    return Verification.refused(
        Reason.MALFORMED_TIMESTAMP,
        RequestSigning.HEADER_TIMESTAMP + " must be Unix time in nanoseconds (decimal digits)");
  }
}
