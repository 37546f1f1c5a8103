package dev.market.client.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.auth.IdentityStoreException.Kind;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import dev.market.protocol.text.TerminalText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The CLI's identities: a directory (mode 0700) of key files (mode 0600), one per name, each
 * holding an Ed25519 secret, optionally encrypted with a passphrase.
 *
 * <p>A key file ({@code <name>.key}) is JSON:
 *
 * <pre>{@code
 * {"format": "market-identity", "version": 1, "name": "alice",
 *  "public_key": "<64 hex>",
 *  "secret_key": "<64 hex>"}                       // without a passphrase, or
 *  "encrypted_secret_key": {"kdf": "scrypt", "log2_n": 15, "r": 8, "p": 1, "salt": "<32 hex>",
 *                           "cipher": "chacha20-poly1305", "nonce": "<24 hex>",
 *                           "ciphertext": "<96 hex: 32-byte secret + 16-byte tag>"}}
 * }</pre>
 *
 * <p>With a passphrase the AEAD key is scrypt(passphrase, salt, N = 2^15, r = 8, p = 1): 32 MiB of
 * memory per guess, about 0.15 s per unlock on a small 2-core machine ({@code
 * bench/identity-kdf.sh}). The AEAD's associated data binds the ciphertext to the file's public
 * key. The {@code name} field is informational: the file name is what identifies the identity.
 *
 * <p>Like ssh, loading refuses a key file any group or other user can access, and saving refuses a
 * directory they can. Files are written to a 0600 temporary file in the same directory, flushed to
 * disk, then linked into place, so a reader never sees a half-written key and an existing key is
 * never overwritten. On file systems without POSIX permissions (Windows) the permission checks are
 * skipped.
 */
public final class IdentityStore {
  /** The extension of key files. */
  public static final String EXTENSION = ".key";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String FORMAT = "market-identity";
  private static final int VERSION = 1;
  private static final int LOG2_N = 15;
  private static final int R = 8;
  private static final int P = 1;
  private static final int SALT_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BYTES = 16;
  private static final long MAX_KEY_FILE_BYTES = 64 * 1024;
  // bounds on parameters read from a file, so a crafted file cannot make load take gigabytes
  private static final long MAX_SCRYPT_MEMORY = 256L * 1024 * 1024;
  private static final int MAX_SCRYPT_P = 4;

  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;
  private final boolean posix;

  /**
   * A store in {@code directory}; nothing is created until the first {@link #save}.
   *
   * @param directory where the key files live, e.g. {@code ~/.config/market/identities}
   */
  public IdentityStore(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
    this.posix = this.directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Where a key file was found and what it says publicly, read without any passphrase. */
  public record KeyFileInfo(String name, String publicKeyHex, boolean encrypted, Path file) {}

  /**
   * The store's directory.
   *
   * @return its absolute path
   */
  public Path directory() {
    return directory;
  }

  /**
   * The key file of {@code name}, whether or not it exists.
   *
   * @param name an identity name
   * @return {@code <directory>/<name>.key}
   * @throws IdentityStoreException INVALID_NAME when the name is not acceptable
   */
  public Path file(String name) {
    checkName(name);
    return directory.resolve(name + EXTENSION);
  }

  /**
   * Whether an identity called {@code name} exists.
   *
   * @param name an identity name
   * @return true when its key file exists
   * @throws IdentityStoreException INVALID_NAME when the name is not acceptable
   */
  public boolean exists(String name) {
    return Files.isRegularFile(file(name));
  }

  /**
   * The names of all stored identities.
   *
   * @return sorted names; empty when the directory does not exist yet
   * @throws IdentityStoreException IO when the directory cannot be read
   */
  public List<String> list() {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return names;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + EXTENSION)) {
      for (Path f : files) {
        String fileName = f.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - EXTENSION.length());
        if (NAME.matcher(name).matches() && Files.isRegularFile(f)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new IdentityStoreException(
          Kind.IO, directory, "cannot list identities in " + directory + ": " + e.getMessage(), e);
    }
    names.sort(null);
    return names;
  }

  /**
   * Writes a new key file for {@code identity}.
   *
   * @param name the identity's name
   * @param identity the identity to store
   * @param passphraseOrNull a passphrase to encrypt the secret with, or {@code null} to store it
   *     unencrypted (still 0600); an empty passphrase is refused. The caller keeps ownership of the
   *     array.
   * @return the key file written
   * @throws IdentityStoreException INVALID_NAME, ALREADY_EXISTS (a key is never overwritten: remove
   *     it first), INSECURE_PERMISSIONS (an existing directory others can access), or IO
   * @throws IllegalArgumentException when the passphrase is empty or not valid text
   */
  public Path save(String name, Identity identity, char[] passphraseOrNull) {
    Path target = file(name);
    if (passphraseOrNull != null && passphraseOrNull.length == 0) {
      throw new IllegalArgumentException(
          "the passphrase is empty; pass null to store the key unencrypted");
    }
    if (Files.exists(target)) {
      // fail before the deliberately slow key derivation; writeNew() re-checks atomically
      throw alreadyExists(target);
    }
    byte[] content = encode(name, identity, passphraseOrNull);
    try {
      ensureDirectory();
      writeNew(target, content);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
    return target;
  }

  /**
   * Reads an identity, asking {@code passphrases} only when its file is encrypted.
   *
   * @param name the identity's name
   * @param passphrases asked at most once, and only for an encrypted file
   * @return the identity
   * @throws IdentityStoreException INVALID_NAME, NOT_FOUND, INSECURE_PERMISSIONS (the file is
   *     accessible by group or others: the message gives the {@code chmod 600} to run),
   *     PASSPHRASE_REQUIRED, WRONG_PASSPHRASE, CORRUPT or IO
   */
  public Identity load(String name, PassphraseSupplier passphrases) {
    Path file = file(name);
    checkFilePermissions(file, name);
    JsonNode root = read(file, name);
    String publicKeyHex = publicKeyHex(root, file);
    byte[] secret;
    JsonNode encrypted = root.get("encrypted_secret_key");
    if (encrypted != null) {
      char[] passphrase = passphrases.passphrase(name, file);
      if (passphrase == null) {
        throw new IdentityStoreException(
            Kind.PASSPHRASE_REQUIRED,
            file,
            "identity '" + name + "' is encrypted and no passphrase was given",
            null);
      }
      try {
        secret = decryptSecret(encrypted, publicKeyHex, passphrase, file, name);
      } finally {
        Arrays.fill(passphrase, '\0');
      }
    } else {
      secret = hexField(root, "secret_key", 32, file);
    }
    try {
      Identity identity = Identity.fromSecret(secret);
      if (!identity.publicKeyHex().equals(publicKeyHex)) {
        throw corrupt(file, "its secret key does not match its public key");
      }
      return identity;
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * The public facts of a key file, without its secret (no passphrase, no permission check: nothing
   * secret is read).
   *
   * @param name the identity's name
   * @return its name, public key, whether it is encrypted, and its file
   * @throws IdentityStoreException INVALID_NAME, NOT_FOUND, CORRUPT or IO
   */
  public KeyFileInfo info(String name) {
    Path file = file(name);
    JsonNode root = read(file, name);
    return new KeyFileInfo(
        name, publicKeyHex(root, file), root.get("encrypted_secret_key") != null, file);
  }

  /**
   * Deletes an identity's key file.
   *
   * @param name the identity's name
   * @throws IdentityStoreException INVALID_NAME, NOT_FOUND or IO
   */
  public void remove(String name) {
    Path file = file(name);
    try {
      Files.delete(file);
    } catch (NoSuchFileException e) {
      throw notFound(name, file);
    } catch (IOException e) {
      throw new IdentityStoreException(
          Kind.IO, file, "cannot remove key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@code IdentityStore[<directory>]}. */
  @Override
  public String toString() {
    return "IdentityStore[" + directory + "]";
  }

  // --- names and permissions -----------------------------------------------------------------

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IdentityStoreException(
          Kind.INVALID_NAME,
          null,
          "invalid identity name '"
              + (name == null ? "" : TerminalText.line(name, 70))
              + "': use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
          null);
    }
  }

  private void ensureDirectory() {
    try {
      if (!Files.isDirectory(directory)) {
        if (posix) {
          Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
          Files.createDirectories(directory);
        }
      }
      if (posix) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(directory);
        if (!disjoint(perms, GROUP_OR_OTHERS)) {
          throw new IdentityStoreException(
              Kind.INSECURE_PERMISSIONS,
              directory,
              "identity directory "
                  + directory
                  + " is accessible by group or others ("
                  + PosixFilePermissions.toString(perms)
                  + "); run: chmod 700 "
                  + directory,
              null);
        }
      }
    } catch (IOException e) {
      throw new IdentityStoreException(
          Kind.IO,
          directory,
          "cannot create identity directory " + directory + ": " + e.getMessage(),
          e);
    }
  }

  private void checkFilePermissions(Path file, String name) {
    if (!posix) {
      if (!Files.isRegularFile(file)) {
        throw notFound(name, file);
      }
      return;
    }
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw notFound(name, file);
    } catch (IOException e) {
      throw new IdentityStoreException(
          Kind.IO, file, "cannot read key file " + file + ": " + e.getMessage(), e);
    }
    if (!attributes.isRegularFile()) {
      throw corrupt(file, "it is not a regular file");
    }
    Set<PosixFilePermission> perms = attributes.permissions();
    if (!disjoint(perms, GROUP_OR_OTHERS)) {
      throw new IdentityStoreException(
          Kind.INSECURE_PERMISSIONS,
          file,
          "key file "
              + file
              + " is accessible by group or others ("
              + PosixFilePermissions.toString(perms)
              + "); run: chmod 600 "
              + file,
          null);
    }
  }

  private static boolean disjoint(Set<PosixFilePermission> a, Set<PosixFilePermission> b) {
    for (PosixFilePermission p : a) {
      if (b.contains(p)) {
        return false;
      }
    }
    return true;
  }

  // --- writing -------------------------------------------------------------------------------

  private void writeNew(Path target, byte[] content) {
    Path temp = null;
    try {
      FileAttribute<?>[] attrs =
          posix
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
              : new FileAttribute<?>[0];
      // a dot-name never matches an identity name, so list() never sees a half-written file
      temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp", attrs);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      link(temp, target);
      syncDirectory();
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(target);
    } catch (IOException e) {
      throw new IdentityStoreException(
          Kind.IO, target, "cannot write key file " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is 0600 and dot-named; failing to delete it loses nothing
        }
      }
    }
  }

  /**
   * Puts the finished temporary file in place without ever replacing an existing key: a hard link
   * fails atomically when the name is taken, where a rename would silently overwrite.
   */
  private static void link(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      // no hard links on this file system: check, then rename (a small race, but never a torn file)
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every platform can fsync a directory; the key file itself is already on disk
    }
  }

  // --- the file format -----------------------------------------------------------------------

  private static byte[] encode(String name, Identity identity, char[] passphraseOrNull) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("name", name);
    root.put("public_key", identity.publicKeyHex());
    byte[] secret = identity.secretKey();
    try {
      if (passphraseOrNull == null) {
        root.put("secret_key", Hex.encode(secret));
      } else {
        root.set("encrypted_secret_key", encryptSecret(secret, identity, passphraseOrNull));
      }
      return Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(root)
          .concat("\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a key file", e);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static ObjectNode encryptSecret(byte[] secret, Identity identity, char[] passphrase) {
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(nonce);
    byte[] key = kdf(passphrase, salt, LOG2_N, R, P);
    try {
      ChaCha20Poly1305 aead = new ChaCha20Poly1305();
      aead.init(
          true,
          new AEADParameters(
              new KeyParameter(key), TAG_BYTES * 8, nonce, aad(identity.publicKeyHex())));
      byte[] ciphertext = new byte[aead.getOutputSize(secret.length)];
      int n = aead.processBytes(secret, 0, secret.length, ciphertext, 0);
      aead.doFinal(ciphertext, n);
      ObjectNode node = Json.mapper().createObjectNode();
      node.put("kdf", "scrypt");
      node.put("log2_n", LOG2_N);
      node.put("r", R);
      node.put("p", P);
      node.put("salt", Hex.encode(salt));
      node.put("cipher", "chacha20-poly1305");
      node.put("nonce", Hex.encode(nonce));
      node.put("ciphertext", Hex.encode(ciphertext));
      return node;
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("encrypting a key file failed", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] decryptSecret(
      JsonNode encrypted, String publicKeyHex, char[] passphrase, Path file, String name) {
    if (!"scrypt".equals(encrypted.path("kdf").asText())
        || !"chacha20-poly1305".equals(encrypted.path("cipher").asText())) {
      throw corrupt(file, "it uses an unknown kdf or cipher");
    }
    int log2n = intField(encrypted, "log2_n", file);
    int r = intField(encrypted, "r", file);
    int p = intField(encrypted, "p", file);
    if (log2n < 1
        || log2n > 24
        || r < 1
        || p < 1
        || p > MAX_SCRYPT_P
        || 128L * r * (1L << log2n) > MAX_SCRYPT_MEMORY) {
      throw corrupt(file, "its scrypt parameters are out of range");
    }
    byte[] salt = hexField(encrypted, "salt", SALT_BYTES, file);
    byte[] nonce = hexField(encrypted, "nonce", NONCE_BYTES, file);
    byte[] ciphertext = hexField(encrypted, "ciphertext", 32 + TAG_BYTES, file);
    byte[] key = kdf(passphrase, salt, log2n, r, p);
    byte[] secret = new byte[32];
    try {
      ChaCha20Poly1305 aead = new ChaCha20Poly1305();
      aead.init(
          false,
          new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, aad(publicKeyHex)));
      int n = aead.processBytes(ciphertext, 0, ciphertext.length, secret, 0);
      aead.doFinal(secret, n);
      return secret;
    } catch (InvalidCipherTextException e) {
      Arrays.fill(secret, (byte) 0);
      throw new IdentityStoreException(
          Kind.WRONG_PASSPHRASE,
          file,
          "wrong passphrase for identity '" + name + "' (" + file + ")",
          null);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Binds the encrypted secret to the public key the file claims. */
  private static byte[] aad(String publicKeyHex) {
    return (FORMAT + " v" + VERSION + " " + publicKeyHex).getBytes(StandardCharsets.US_ASCII);
  }

  /** scrypt over the passphrase's UTF-8 bytes (NFKD first, as BIP39 treats passphrases). */
  static byte[] kdf(char[] passphrase, byte[] salt, int log2n, int r, int p) {
    byte[] password = utf8(passphrase);
    try {
      return SCrypt.generate(password, salt, 1 << log2n, r, p, 32);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  private static byte[] utf8(char[] passphrase) {
    CharBuffer chars = CharBuffer.wrap(passphrase);
    for (char c : passphrase) {
      if (c > 0x7f) {
        // normalizing needs a String; only non-ASCII passphrases pay for that copy
        chars = CharBuffer.wrap(Normalizer.normalize(chars, Normalizer.Form.NFKD));
        break;
      }
    }
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes;
    try {
      bytes = encoder.encode(chars);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the passphrase is not valid text");
    }
    byte[] out = new byte[bytes.remaining()];
    bytes.get(out);
    if (bytes.hasArray()) {
      // wipe the whole backing array: the encoder may have left the secret beyond the window too
      Arrays.fill(
          bytes.array(), bytes.arrayOffset(), bytes.arrayOffset() + bytes.capacity(), (byte) 0);
    }
    return out;
  }

  // --- reading -------------------------------------------------------------------------------

  private static JsonNode read(Path file, String name) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw corrupt(file, "it is larger than any key file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw notFound(name, file);
    } catch (IOException e) {
      throw new IdentityStoreException(
          Kind.IO, file, "cannot read key file " + file + ": " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw corrupt(file, "it is not JSON");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw corrupt(file, "it is not a market identity file");
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw corrupt(
          file,
          "it has version " + root.path("version").asText() + "; this version reads " + VERSION);
    }
    return root;
  }

  private static String publicKeyHex(JsonNode root, Path file) {
    JsonNode node = root.get("public_key");
    if (node == null || !Hex.isHex(node.asText(), 32)) {
      throw corrupt(file, "'public_key' is missing or not 64 hex characters");
    }
    return node.asText().toLowerCase(Locale.ROOT);
  }

  private static byte[] hexField(JsonNode node, String field, int bytes, Path file) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || !Hex.isHex(value.textValue(), bytes)) {
      throw corrupt(file, "'" + field + "' is missing or not " + bytes * 2 + " hex characters");
    }
    return Hex.decode(value.textValue());
  }

  private static int intField(JsonNode node, String field, Path file) {
    JsonNode value = node.get(field);
    if (value == null || !value.isInt()) {
      throw corrupt(file, "'" + field + "' is missing or not an integer");
    }
    return value.intValue();
  }

  private static IdentityStoreException corrupt(Path file, String what) {
    return new IdentityStoreException(
        Kind.CORRUPT, file, "key file " + file + " is damaged: " + what, null);
  }

  private static IdentityStoreException alreadyExists(Path file) {
    return new IdentityStoreException(
        Kind.ALREADY_EXISTS,
        file,
        "an identity with this name already exists: " + file + " (remove it first to replace it)",
        null);
  }

  private static IdentityStoreException notFound(String name, Path file) {
    return new IdentityStoreException(
        Kind.NOT_FOUND, file, "no identity '" + name + "': " + file + " does not exist", null);
  }
}
