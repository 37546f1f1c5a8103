package dev.market.server.http;

import dev.market.client.auth.Hex;
import dev.market.client.auth.RequestSigning;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * PLACEHOLDER for core-auth's auth.SignatureVerifier (same check order, protocol section 2); it is
 * replaced by a call to that class once it lands on main.
 */
final class SignatureCheck {
  private static final Pattern UUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private SignatureCheck() {}

  /** Returns the signer's public key, lower-case hex; throws the 400/401 of section 2. */
  static String verify(
      String pubHex,
      String sigHex,
      String timestamp,
      String nonce,
      String method,
      String path,
      byte[] body,
      long nowNs,
      long windowNs) {
    if (pubHex == null || sigHex == null || timestamp == null || nonce == null) {
      throw ApiError.unauthorized(
          "missing signature header (X-Public-Key, X-Signature, X-Timestamp and X-Nonce are"
              + " required)");
    }
    if (!Hex.isHex(pubHex, 32)) {
      throw ApiError.badRequest("X-Public-Key must be 64 hex characters");
    }
    if (!Hex.isHex(sigHex, 64)) {
      throw ApiError.badRequest("X-Signature must be 128 hex characters");
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("X-Timestamp must be Unix time in nanoseconds");
    }
    if (Math.abs((double) ts - (double) nowNs) > windowNs) {
      throw ApiError.unauthorized("X-Timestamp is outside the allowed window of server time");
    }
    if (!UUID.matcher(nonce).matches()) {
      throw ApiError.badRequest("X-Nonce must be a UUID");
    }
    byte[] message = RequestSigning.message(timestamp, nonce, method, path, body);
    if (!RequestSigning.verify(Hex.decode(pubHex), message, Hex.decode(sigHex))) {
      throw ApiError.unauthorized("signature does not verify");
    }
    return pubHex.toLowerCase(Locale.ROOT);
  }
}
