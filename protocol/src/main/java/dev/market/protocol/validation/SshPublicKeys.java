package dev.market.protocol.validation;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The renter's {@code ssh_pubkey} (docs/protocol.md section 9): exactly one OpenSSH public key line
 * of a type OpenSSH still accepts, whose blob parses completely as that type, so that what a
 * provider installs in {@code authorized_keys} is a key and nothing else. Mirrors what {@code
 * ssh-keygen -l} accepts, including its checks on RSA size and ECDSA points. Shared by the server
 * (which refuses such a key with 422 naming {@code ssh_pubkey}) and the client (which refuses it
 * before sending anything).
 */
public final class SshPublicKeys {
  public static final String FIELD = "ssh_pubkey";

  /** The longest key line accepted (docs/protocol.md section 9). */
  public static final int MAX_CHARS = 8 * 1024;

  /** Why a key was refused; the message never contains the input. */
  public static final class InvalidKeyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidKeyException(String message) {
      super(message);
    }
  }

  public static final List<String> KNOWN_TYPES =
      List.of(
          "ssh-ed25519",
          "ssh-rsa",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "sk-ssh-ed25519@openssh.com",
          "sk-ecdsa-sha2-nistp256@openssh.com");

  private static final int RSA_MIN_BITS = 1024;

  /** OpenSSH's SSHBUF_MAX_BIGNUM is 16384 bits. */
  private static final int RSA_MAX_BITS = 16384;

  private static final int ED25519_KEY_BYTES = 32;
  private static final Pattern PRINTABLE_TYPE = Pattern.compile("[A-Za-z0-9@._-]{1,64}");

  /** Compiled once: String.split(" +") compiles its regex on every call, i.e. every rent. */
  private static final Pattern SPACES = Pattern.compile(" +");

  private SshPublicKeys() {}

  /**
   * Returns the key line normalised: surrounding whitespace trimmed and single spaces between the
   * type, the base64 data and the comment (kept as written).
   *
   * @throws InvalidKeyException saying what is wrong; its message never contains the input
   */
  public static String validate(String input) {
    if (input == null || input.isBlank()) {
      throw invalid(
          "required: one OpenSSH public key line, e.g. the contents of ~/.ssh/id_ed25519.pub");
    }
    if (looksPrivate(input)) {
      throw invalid(
          "this looks like a PRIVATE key, which must never leave your machine; it was not stored."
              + " Paste the public key instead (the .pub file, e.g. ~/.ssh/id_ed25519.pub)");
    }
    if (input.contains("BEGIN SSH2 PUBLIC KEY")) {
      throw invalid(
          "this is an RFC 4716 (SSH2) public key; convert it to one OpenSSH line with"
              + " ssh-keygen -i -f KEYFILE");
    }
    if (input.length() > MAX_CHARS) {
      throw invalid("too long: at most " + MAX_CHARS + " characters");
    }
    String line = input.strip();
    long lines = line.lines().count();
    if (lines > 1) {
      throw invalid("must be exactly one key on one line; found " + lines + " lines");
    }
    for (int i = 0; i < line.length(); i++) {
      if (Character.isISOControl(line.charAt(i))) {
        throw invalid(
            String.format(
                Locale.ROOT,
                "contains a control character (U+%04X) at position %d",
                (int) line.charAt(i),
                i + 1));
      }
    }
    String[] parts = SPACES.split(line, 3);
    String type = parts[0];
    if (!KNOWN_TYPES.contains(type)) {
      throw unknownType(type, SPACES.split(line));
    }
    if (parts.length < 2) {
      throw invalid("the base64 key data after '" + type + "' is missing");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw invalid("the key data after '" + type + "' is not valid base64");
    }
    parseBlob(type, blob);
    return parts.length == 3 ? type + " " + parts[1] + " " + parts[2] : type + " " + parts[1];
  }

  private static boolean looksPrivate(String input) {
    String upper = input.toUpperCase(Locale.ROOT);
    return upper.contains("PRIVATE KEY-----")
        || upper.contains("PUTTY-USER-KEY-FILE")
        // base64 of "openssh-key-v1", the start of an OpenSSH private key body
        || input.contains("b3BlbnNzaC1rZXktdjE");
  }

  private static InvalidKeyException unknownType(String type, String[] words) {
    if (type.equals("ssh-dss")) {
      return invalid(
          "DSA keys (ssh-dss) are not accepted: OpenSSH disabled them as too weak;"
              + " use ssh-ed25519 (ssh-keygen -t ed25519)");
    }
    for (int i = 1; i < words.length; i++) {
      if (KNOWN_TYPES.contains(words[i]) || words[i].equals("ssh-dss")) {
        return invalid(
            "authorized_keys options before the key type are not allowed;"
                + " paste only the key: type, base64 data and an optional comment");
      }
    }
    if (type.endsWith("-cert-v01@openssh.com")) {
      return invalid("certificates are not accepted; paste the plain public key");
    }
    String named = PRINTABLE_TYPE.matcher(type).matches() ? " '" + type + "'" : "";
    return invalid(
        "unknown key type" + named + "; expected one of " + String.join(", ", KNOWN_TYPES));
  }

  private static void parseBlob(String type, byte[] blob) {
    Reader r = new Reader(blob);
    String embedded = r.string("key type");
    if (!embedded.equals(type)) {
      String shown = PRINTABLE_TYPE.matcher(embedded).matches() ? embedded : "something else";
      throw invalid("the key data is a '" + shown + "' key but the line says '" + type + "'");
    }
    switch (type) {
      case "ssh-ed25519" -> ed25519(r);
      case "sk-ssh-ed25519@openssh.com" -> {
        ed25519(r);
        application(r);
      }
      case "ssh-rsa" -> rsa(r);
      case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" ->
          ecdsa(r, type.substring("ecdsa-sha2-".length()));
      case "sk-ecdsa-sha2-nistp256@openssh.com" -> {
        ecdsa(r, "nistp256");
        application(r);
      }
      default -> throw new IllegalStateException("known type without a parser: " + type);
    }
    if (r.remaining() != 0) {
      throw invalid("the key data has " + r.remaining() + " unexpected bytes after the key");
    }
  }

  private static void ed25519(Reader r) {
    byte[] point = r.bytes("Ed25519 public key");
    if (point.length != ED25519_KEY_BYTES) {
      throw invalid("an Ed25519 public key is 32 bytes, this one is " + point.length);
    }
  }

  private static void application(Reader r) {
    byte[] app = r.bytes("security key application");
    for (byte b : app) {
      if (b == 0) {
        throw invalid("the security key application string contains a NUL byte");
      }
    }
  }

  private static void rsa(Reader r) {
    BigInteger e = r.mpint("RSA exponent");
    BigInteger n = r.mpint("RSA modulus");
    if (e.signum() <= 0 || n.signum() <= 0) {
      throw invalid("the RSA exponent and modulus must be positive");
    }
    int bits = n.bitLength();
    if (bits < RSA_MIN_BITS) {
      throw invalid("the RSA key is " + bits + " bits; at least " + RSA_MIN_BITS + " are required");
    }
    if (bits > RSA_MAX_BITS) {
      throw invalid("the RSA key is " + bits + " bits; at most " + RSA_MAX_BITS + " are allowed");
    }
  }

  private static void ecdsa(Reader r, String curve) {
    String named = r.string("ECDSA curve name");
    if (!named.equals(curve)) {
      throw invalid(
          "the ECDSA key names curve '"
              + (PRINTABLE_TYPE.matcher(named).matches() ? named : "?")
              + "' but its type says '"
              + curve
              + "'");
    }
    byte[] q = r.bytes("ECDSA point");
    X9ECParameters params = ECNamedCurveTable.getByName(curveTableName(curve));
    int coordinateBytes = (params.getCurve().getFieldSize() + 7) / 8;
    if (q.length != 1 + 2 * coordinateBytes || q[0] != 0x04) {
      throw invalid(
          "the ECDSA point must be uncompressed (0x04 and "
              + 2 * coordinateBytes
              + " bytes) for "
              + curve);
    }
    ECPoint point;
    try {
      point = params.getCurve().decodePoint(q);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw invalid("the ECDSA point is not on the curve " + curve);
    }
    if (point.isInfinity() || !point.isValid()) {
      throw invalid("the ECDSA point is not on the curve " + curve);
    }
    // OpenSSH (sshkey_ec_validate_public) also refuses coordinates this small
    int half = params.getN().bitLength() / 2;
    ECPoint normal = point.normalize();
    if (normal.getAffineXCoord().toBigInteger().bitLength() <= half
        || normal.getAffineYCoord().toBigInteger().bitLength() <= half) {
      throw invalid("the ECDSA point is not a valid public key for " + curve);
    }
  }

  private static String curveTableName(String sshCurve) {
    return switch (sshCurve) {
      case "nistp256" -> "P-256";
      case "nistp384" -> "P-384";
      case "nistp521" -> "P-521";
      default -> throw new IllegalStateException(sshCurve);
    };
  }

  private static InvalidKeyException invalid(String message) {
    return new InvalidKeyException(message);
  }

  /** RFC 4251 wire types: uint32 length-prefixed strings and mpints. */
  private static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    int remaining() {
      return data.length - pos;
    }

    byte[] bytes(String what) {
      if (remaining() < 4) {
        throw truncated(what);
      }
      long len =
          ((data[pos] & 0xffL) << 24)
              | ((data[pos + 1] & 0xffL) << 16)
              | ((data[pos + 2] & 0xffL) << 8)
              | (data[pos + 3] & 0xffL);
      pos += 4;
      if (len > remaining()) {
        throw truncated(what);
      }
      byte[] out = Arrays.copyOfRange(data, pos, pos + (int) len);
      pos += (int) len;
      return out;
    }

    String string(String what) {
      return new String(bytes(what), StandardCharsets.ISO_8859_1);
    }

    BigInteger mpint(String what) {
      byte[] b = bytes(what);
      if (b.length > 0 && (b[0] & 0x80) != 0) {
        throw invalid("the " + what + " is negative");
      }
      return new BigInteger(1, b);
    }

    private static InvalidKeyException truncated(String what) {
      return invalid("the key data is truncated (at the " + what + ")");
    }
  }
}
