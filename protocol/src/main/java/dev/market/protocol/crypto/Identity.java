package dev.market.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;

/**
 * A user's signing identity: an Ed25519 key derived from a BIP39 seed phrase, as in
 * docs/protocol.md section 1. Signs with Ed25519ph and the context {@code decent-cloud}, as in
 * docs/protocol.md section 2. The secret never appears in {@link #toString()}.
 */
public final class Identity {
  /** The Ed25519ph context string every marketplace signature uses. */
  public static final byte[] CONTEXT = "decent-cloud".getBytes(StandardCharsets.US_ASCII);

  private final Ed25519PrivateKeyParameters secret;
  private final byte[] publicKey;
  private final String publicKeyHex;

  private Identity(byte[] secret32) {
    if (secret32 == null || secret32.length != 32) {
      throw new IllegalArgumentException("an Ed25519 secret key is 32 bytes");
    }
    this.secret = new Ed25519PrivateKeyParameters(secret32, 0);
    this.publicKey = secret.generatePublicKey().getEncoded();
    this.publicKeyHex = Hex.encode(publicKey);
  }

  /**
   * An identity from a raw 32-byte Ed25519 secret (no derivation step).
   *
   * @param secret32 the Ed25519 secret key; copied, so the caller may wipe it afterwards
   * @return the identity
   * @throws IllegalArgumentException when {@code secret32} is not 32 bytes
   */
  public static Identity fromSecret(byte[] secret32) {
    return new Identity(secret32);
  }

  /**
   * An identity from a BIP39 phrase, exactly as docs/protocol.md section 1: PBKDF2 seed with an
   * empty passphrase, then HMAC-SHA512 keyed {@code ed25519 seed}, first 32 bytes. The phrase is
   * brought to its canonical form ({@link Bip39#normalize(String)}: single spaces, lower case) and
   * its words and checksum are validated first.
   *
   * @param mnemonic a BIP39 English phrase of 12 to 24 words
   * @return the identity
   * @throws InvalidMnemonicException when the phrase is not a valid BIP39 English mnemonic
   */
  public static Identity fromMnemonic(String mnemonic) {
    String canonical = Bip39.normalize(mnemonic);
    Bip39.validate(canonical);
    byte[] seed = Bip39.toSeed(canonical, "");
    byte[] material = keyMaterial(seed);
    try {
      return new Identity(Arrays.copyOf(material, 32));
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(material, (byte) 0);
    }
  }

  /** HMAC-SHA512(key = "ed25519 seed", data = seed): step 3 of docs/protocol.md section 1. */
  static byte[] keyMaterial(byte[] seed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec("ed25519 seed".getBytes(StandardCharsets.US_ASCII), "HmacSHA512"));
      return mac.doFinal(seed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA512 unavailable", e);
    }
  }

  /** PBKDF2-HMAC-SHA512 over NFKD(mnemonic), salt "mnemonic"+passphrase, 2048 rounds, 64 bytes. */
  static byte[] pbkdf2Seed(String mnemonic, String passphrase) {
    String words = Normalizer.normalize(mnemonic, Normalizer.Form.NFKD);
    String salt = Normalizer.normalize("mnemonic" + passphrase, Normalizer.Form.NFKD);
    PBEKeySpec spec =
        new PBEKeySpec(words.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 2048, 512);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }

  /**
   * The 32-byte public key.
   *
   * @return a copy of the key
   */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The public key as sent in {@code X-Public-Key}.
   *
   * @return 64 lower-case hex characters
   */
  public String publicKeyHex() {
    return publicKeyHex;
  }

  /**
   * Signs with Ed25519ph and the context {@code decent-cloud}. Deterministic: the same message
   * always gives the same signature.
   *
   * @param message the bytes to sign, e.g. {@link RequestSigning#message}
   * @return the 64-byte signature
   */
  public byte[] sign(byte[] message) {
    Ed25519phSigner signer = new Ed25519phSigner(CONTEXT);
    signer.init(true, secret);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /**
   * A copy of the 32-byte secret, for saving to a key file or decrypting credentials. Callers wipe
   * it when done.
   *
   * @return a fresh copy of the Ed25519 secret key
   */
  public byte[] secretKey() {
    return secret.getEncoded();
  }

  /** Two identities are equal when their public keys are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Identity other && Arrays.equals(publicKey, other.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }

  /** {@code Identity[<public key hex>]}: never the secret. */
  @Override
  public String toString() {
    return "Identity[" + publicKeyHex + "]";
  }
}
