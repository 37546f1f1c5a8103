package dev.market.protocol.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;

/** The signed message of docs/protocol.md section 2 and Ed25519ph verification. */
public final class RequestSigning {
  /** The signer's public key, 64 hex characters. */
  public static final String HEADER_PUBLIC_KEY = "X-Public-Key";

  /** Unix time in nanoseconds, decimal. */
  public static final String HEADER_TIMESTAMP = "X-Timestamp";

  /** A fresh UUID v4 per request attempt. */
  public static final String HEADER_NONCE = "X-Nonce";

  /** Hex of the 64-byte Ed25519ph signature. */
  public static final String HEADER_SIGNATURE = "X-Signature";

  private RequestSigning() {}

  /**
   * timestamp ‖ nonce ‖ METHOD ‖ path ‖ body, no separators. {@code path} includes {@code /api/v1}
   * and excludes the query string.
   *
   * @param timestamp the {@code X-Timestamp} value as sent
   * @param nonce the {@code X-Nonce} value as sent
   * @param method the HTTP method; upper-cased here
   * @param path the request path as sent, without the query string
   * @param body the exact body bytes; {@code null} or empty for none
   * @return the bytes to sign or verify
   */
  public static byte[] message(
      String timestamp, String nonce, String method, String path, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + (body == null ? 0 : body.length));
    out.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(nonce.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(method.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(path.getBytes(StandardCharsets.UTF_8));
    if (body != null) {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  /**
   * Verifies an Ed25519ph signature with the {@code decent-cloud} context. Never throws.
   *
   * @param publicKey the 32-byte Ed25519 public key
   * @param message the signed bytes
   * @param signature the 64-byte signature
   * @return true only for a valid signature by that key over that message
   */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return verify(publicKey, message, signature, Identity.CONTEXT);
  }

  /**
   * Verifies an Ed25519ph signature with the given context. Never throws.
   *
   * @param publicKey the 32-byte Ed25519 public key
   * @param message the signed bytes
   * @param signature the 64-byte signature
   * @param context the Ed25519ph context (at most 255 bytes)
   * @return true only for a valid signature by that key over that message and context
   */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature, byte[] context) {
    if (publicKey == null
        || publicKey.length != 32
        || signature == null
        || signature.length != 64) {
      return false;
    }
    try {
      Ed25519phSigner verifier = new Ed25519phSigner(context);
      verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
      verifier.update(message, 0, message.length);
      return verifier.verifySignature(signature);
    } catch (RuntimeException e) {
      // an invalid point encoding is "does not verify", not an error
      return false;
    }
  }
}
