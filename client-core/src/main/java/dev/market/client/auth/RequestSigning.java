package dev.market.client.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;

/** The signed message of protocol section 2 and Ed25519ph verification. */
public final class RequestSigning {
  public static final String HEADER_PUBLIC_KEY = "X-Public-Key";
  public static final String HEADER_TIMESTAMP = "X-Timestamp";
  public static final String HEADER_NONCE = "X-Nonce";
  public static final String HEADER_SIGNATURE = "X-Signature";

  private RequestSigning() {}

  /**
   * timestamp ‖ nonce ‖ METHOD ‖ path ‖ body, no separators. {@code path} includes {@code /api/v1}
   * and excludes the query string.
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

  /** Verifies an Ed25519ph signature with the {@code decent-cloud} context. Never throws. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return verify(publicKey, message, signature, Identity.CONTEXT);
  }

  /** Verifies an Ed25519ph signature with the given context. Never throws. */
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
