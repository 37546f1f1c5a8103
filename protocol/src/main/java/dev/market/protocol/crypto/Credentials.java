package dev.market.protocol.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.json.Json;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Encrypted VM credentials, version 2 (docs/protocol.md section 7): the provider's root password
 * encrypted by the server to the renter's key, so only the renter can read it.
 *
 * <p>Recipient X25519 key = the renter's Ed25519 public key in Montgomery form; a fresh ephemeral
 * X25519 key pair; key = SHA-512("credential-encryption-v2-aad" ‖ shared)[0..32];
 * XChaCha20-Poly1305 with a random 24-byte nonce and AAD = the raw 32-byte contract id. The JSON is
 * {@code {"version":2,"ephemeral_pubkey","nonce","ciphertext","aad"}}, all standard base64.
 */
public final class Credentials {
  /** The only format this class reads and writes. */
  public static final int VERSION = 2;

  private static final byte[] KDF_LABEL =
      "credential-encryption-v2-aad".getBytes(StandardCharsets.US_ASCII);
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final int NONCE_BYTES = 24;
  private static final int TAG_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Credentials() {}

  /**
   * Encrypts {@code plaintext} to a renter (the server's side of endpoint 13).
   *
   * @param recipientEd25519PubHex the renter's Ed25519 public key, 64 hex characters
   * @param contractId32 the raw 32-byte contract id, authenticated as AAD
   * @param plaintext the secret, typically the root password
   * @return the version 2 JSON object as a string
   * @throws CredentialsException when the recipient key is not a valid Ed25519 public key
   * @throws IllegalArgumentException when the contract id is not 32 bytes
   */
  public static String encrypt(
      String recipientEd25519PubHex, byte[] contractId32, String plaintext) {
    byte[] ephemeralSecret = new byte[32];
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(ephemeralSecret);
    RANDOM.nextBytes(nonce);
    try {
      return encrypt(recipientEd25519PubHex, contractId32, plaintext, ephemeralSecret, nonce);
    } finally {
      Arrays.fill(ephemeralSecret, (byte) 0);
    }
  }

  /**
   * {@link #encrypt(String, byte[], String)} with a fixed ephemeral secret and nonce: tests only.
   */
  static String encrypt(
      String recipientEd25519PubHex,
      byte[] contractId32,
      String plaintext,
      byte[] ephemeralSecret32,
      byte[] nonce24) {
    Objects.requireNonNull(plaintext, "plaintext");
    if (contractId32 == null || contractId32.length != 32) {
      throw new IllegalArgumentException("a contract id is 32 bytes");
    }
    if (!Hex.isHex(recipientEd25519PubHex, 32)) {
      throw new CredentialsException(
          "cannot encrypt credentials: the recipient public key must be 64 hex characters");
    }
    byte[] recipientX25519 = edwardsToMontgomery(Hex.decode(recipientEd25519PubHex));
    X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(ephemeralSecret32, 0);
    byte[] shared = agree(ephemeral, recipientX25519);
    byte[] key = aeadKey(shared);
    try {
      byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
      XChaCha20Poly1305 aead = new XChaCha20Poly1305();
      aead.init(
          true, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce24, contractId32));
      byte[] ciphertext = new byte[aead.getOutputSize(message.length)];
      int n = aead.processBytes(message, 0, message.length, ciphertext, 0);
      aead.doFinal(ciphertext, n);
      Arrays.fill(message, (byte) 0);

      Base64.Encoder b64 = Base64.getEncoder();
      ObjectNode json = Json.mapper().createObjectNode();
      json.put("version", VERSION);
      json.put("ephemeral_pubkey", b64.encodeToString(ephemeral.generatePublicKey().getEncoded()));
      json.put("nonce", b64.encodeToString(nonce24));
      json.put("ciphertext", b64.encodeToString(ciphertext));
      json.put("aad", b64.encodeToString(contractId32));
      return Json.mapper().writeValueAsString(json);
    } catch (InvalidCipherTextException | JsonProcessingException e) {
      throw new IllegalStateException("encrypting credentials failed", e);
    } finally {
      Arrays.fill(shared, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Decrypts credentials encrypted to {@code renter} (the renter's side of endpoint 13).
   *
   * <p>The contract id is taken from the JSON's authenticated {@code aad}; prefer {@link
   * #decrypt(Identity, byte[], String)} when the caller knows which contract it asked about.
   *
   * @param renter the identity the credentials were encrypted to
   * @param json the version 2 JSON object, as returned by endpoint 13
   * @return the plaintext, typically the root password
   * @throws CredentialsException when the JSON is malformed or of another version, or the
   *     ciphertext, nonce, AAD or ephemeral key was altered, or it was encrypted to another
   *     identity
   */
  public static String decrypt(Identity renter, String json) {
    return decrypt(renter, null, json);
  }

  /**
   * Decrypts credentials and checks they were encrypted for {@code expectedContractId32}, so a
   * server cannot hand one contract's credentials out as another's.
   *
   * @param renter the identity the credentials were encrypted to
   * @param expectedContractId32 the raw 32-byte id of the contract asked about, or {@code null} to
   *     accept the JSON's own {@code aad}
   * @param json the version 2 JSON object, as returned by endpoint 13
   * @return the plaintext, typically the root password
   * @throws CredentialsException as {@link #decrypt(Identity, String)}, and when the credentials
   *     are bound to another contract
   */
  public static String decrypt(Identity renter, byte[] expectedContractId32, String json) {
    Objects.requireNonNull(renter, "renter");
    Envelope envelope = Envelope.parse(json);
    if (expectedContractId32 != null && !Arrays.equals(envelope.aad, expectedContractId32)) {
      throw new CredentialsException(
          "the encrypted credentials belong to another contract (their aad is not contract "
              + Hex.encode(expectedContractId32)
              + ")");
    }
    byte[] edSecret = renter.secretKey();
    byte[] xSecret = renterX25519Secret(edSecret);
    Arrays.fill(edSecret, (byte) 0);
    byte[] shared = null;
    byte[] key = null;
    byte[] plain = null;
    try {
      shared = agree(new X25519PrivateKeyParameters(xSecret, 0), envelope.ephemeralPublic);
      key = aeadKey(shared);
      XChaCha20Poly1305 aead = new XChaCha20Poly1305();
      aead.init(
          false,
          new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, envelope.nonce, envelope.aad));
      plain = new byte[aead.getOutputSize(envelope.ciphertext.length)];
      int n = aead.processBytes(envelope.ciphertext, 0, envelope.ciphertext.length, plain, 0);
      n += aead.doFinal(plain, n);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plain, 0, n))
          .toString();
    } catch (InvalidCipherTextException e) {
      throw new CredentialsException(
          "cannot decrypt the credentials: they were altered, or were encrypted to a key other than "
              + renter.publicKeyHex());
    } catch (CharacterCodingException e) {
      throw new CredentialsException("the decrypted credentials are not UTF-8 text");
    } finally {
      Arrays.fill(xSecret, (byte) 0);
      wipe(shared);
      wipe(key);
      wipe(plain);
    }
  }

  /**
   * The renter's X25519 secret: SHA-512(Ed25519 secret)[0..32], clamped (RFC 7748), i.e. the
   * Ed25519 signing scalar, so the Montgomery public key matches.
   */
  static byte[] renterX25519Secret(byte[] ed25519Secret32) {
    byte[] hash = sha512(ed25519Secret32);
    byte[] scalar = Arrays.copyOf(hash, 32);
    Arrays.fill(hash, (byte) 0);
    scalar[0] &= (byte) 248;
    scalar[31] &= 127;
    scalar[31] |= 64;
    return scalar;
  }

  /**
   * The birational map from edwards25519 to curve25519: u = (1 + y) / (1 - y) mod p.
   *
   * @throws CredentialsException when the key is not a valid, prime-order Ed25519 point
   */
  static byte[] edwardsToMontgomery(byte[] ed25519Public32) {
    // full validation rejects non-canonical encodings, off-curve and small-order points, so the
    // division below never meets y = 1 and the shared secret is never the all-zero value
    if (!Ed25519.validatePublicKeyFull(ed25519Public32, 0)) {
      throw new CredentialsException(
          "cannot encrypt credentials: the recipient public key is not a valid Ed25519 key");
    }
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = ed25519Public32[31 - i];
    }
    bigEndian[0] &= 0x7f; // the top bit is the sign of x, not part of y
    BigInteger y = new BigInteger(1, bigEndian);
    BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).modInverse(P)).mod(P);
    byte[] uBytes = u.toByteArray(); // big-endian, possibly with a leading zero byte
    byte[] littleEndian = new byte[32];
    for (int i = 0; i < 32 && i < uBytes.length; i++) {
      littleEndian[i] = uBytes[uBytes.length - 1 - i];
    }
    return littleEndian;
  }

  static byte[] agree(X25519PrivateKeyParameters secret, byte[] publicU) {
    byte[] shared = new byte[32];
    try {
      secret.generateSecret(new X25519PublicKeyParameters(publicU, 0), shared, 0);
    } catch (IllegalStateException e) {
      // BouncyCastle refuses an all-zero result: the other key was a low-order point
      throw new CredentialsException(
          "cannot use the credentials' ephemeral key: it is a low-order point");
    }
    return shared;
  }

  static byte[] aeadKey(byte[] shared) {
    try {
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      sha512.update(KDF_LABEL);
      sha512.update(shared);
      byte[] digest = sha512.digest();
      byte[] key = Arrays.copyOf(digest, 32);
      Arrays.fill(digest, (byte) 0);
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 unavailable", e);
    }
  }

  private static byte[] sha512(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 unavailable", e);
    }
  }

  private static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The decoded fields of the version 2 JSON, each checked for presence, base64 and length. */
  private static final class Envelope {
    final byte[] ephemeralPublic;
    final byte[] nonce;
    final byte[] ciphertext;
    final byte[] aad;

    private Envelope(JsonNode root) {
      this.ephemeralPublic = field(root, "ephemeral_pubkey", 32);
      this.nonce = field(root, "nonce", NONCE_BYTES);
      this.ciphertext = field(root, "ciphertext", -1);
      if (ciphertext.length < TAG_BYTES) {
        throw new CredentialsException(
            "encrypted credentials: 'ciphertext' is "
                + ciphertext.length
                + " bytes, shorter than the 16-byte tag");
      }
      this.aad = field(root, "aad", -1);
    }

    static Envelope parse(String json) {
      if (json == null || json.isBlank()) {
        throw new CredentialsException("encrypted credentials are empty");
      }
      JsonNode root;
      try {
        root = Json.mapper().readTree(json);
      } catch (JsonProcessingException e) {
        throw new CredentialsException("encrypted credentials are not valid JSON");
      }
      if (root == null || !root.isObject()) {
        throw new CredentialsException("encrypted credentials are not a JSON object");
      }
      JsonNode version = root.get("version");
      if (version == null || version.isNull()) {
        throw new CredentialsException("encrypted credentials have no 'version'");
      }
      if (!version.isIntegralNumber()) {
        throw new CredentialsException("encrypted credentials: 'version' must be a number");
      }
      if (!version.canConvertToInt() || version.intValue() != VERSION) {
        throw new CredentialsException(
            "encrypted credentials have version "
                + version.asText()
                + "; this client reads version "
                + VERSION);
      }
      return new Envelope(root);
    }

    private static byte[] field(JsonNode root, String name, int expectedLength) {
      JsonNode node = root.get(name);
      if (node == null || node.isNull()) {
        throw new CredentialsException("encrypted credentials have no '" + name + "'");
      }
      if (!node.isTextual()) {
        throw new CredentialsException(
            "encrypted credentials: '" + name + "' must be a base64 string");
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(node.textValue());
      } catch (IllegalArgumentException e) {
        throw new CredentialsException("encrypted credentials: '" + name + "' is not base64");
      }
      if (expectedLength >= 0 && bytes.length != expectedLength) {
        throw new CredentialsException(
            "encrypted credentials: '"
                + name
                + "' must be "
                + expectedLength
                + " bytes, got "
                + bytes.length);
      }
      return bytes;
    }
  }
}
