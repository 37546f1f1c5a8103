package dev.market.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.auth.IdentityStore.KeyFileInfo;
import dev.market.client.auth.IdentityStoreException.Kind;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityStoreTest {
  private static final String ABOUT =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  private static final String SECRET_HEX =
      "560f9f3c94558b6551928bb781cf6092c6b8800b4fc544af2c9444ed126d51aa";
  private static final PassphraseSupplier NEVER =
      (name, file) -> fail("asked for a passphrase of an unencrypted file");

  @TempDir Path tmp;
  private Path dir;
  private IdentityStore store;
  private final Identity alice = Identity.fromMnemonic(ABOUT);

  @BeforeEach
  void setUp() {
    dir = tmp.resolve("config").resolve("identities");
    store = new IdentityStore(dir);
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static IdentityStoreException failure(ThrowingCallable call, Kind kind, String message) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(IdentityStoreException.class).hasMessage(message);
    IdentityStoreException e = (IdentityStoreException) thrown;
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.getMessage()).doesNotContainIgnoringCase(SECRET_HEX);
    return e;
  }

  private static PassphraseSupplier give(String passphrase, List<Path> asked) {
    return (name, file) -> {
      asked.add(file);
      return passphrase.toCharArray();
    };
  }

  // --- round trips ---------------------------------------------------------------------------

  @Test
  void unencrypted_round_trip_never_asks_for_a_passphrase() throws IOException {
    Path file = store.save("alice", alice, null);

    assertThat(file).isEqualTo(dir.resolve("alice.key"));
    Identity loaded = store.load("alice", NEVER);
    assertThat(loaded).isEqualTo(alice);
    assertThat(Hex.encode(loaded.secretKey())).isEqualTo(SECRET_HEX);

    JsonNode json = Json.mapper().readTree(file.toFile());
    assertThat(json.get("format").asText()).isEqualTo("market-identity");
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("name").asText()).isEqualTo("alice");
    assertThat(json.get("public_key").asText()).isEqualTo(alice.publicKeyHex());
    assertThat(json.get("secret_key").asText()).isEqualTo(SECRET_HEX);
    assertThat(json.has("encrypted_secret_key")).isFalse();
  }

  @Test
  void encrypted_round_trip_asks_once_and_keeps_the_secret_out_of_the_file() throws IOException {
    Path file = store.save("alice", alice, "correct horse".toCharArray());

    String content = Files.readString(file);
    assertThat(content).doesNotContain(SECRET_HEX).doesNotContain("correct horse");
    JsonNode enc = Json.mapper().readTree(content).get("encrypted_secret_key");
    assertThat(enc.get("kdf").asText()).isEqualTo("scrypt");
    assertThat(enc.get("log2_n").asInt()).isEqualTo(15);
    assertThat(enc.get("r").asInt()).isEqualTo(8);
    assertThat(enc.get("p").asInt()).isEqualTo(1);
    assertThat(enc.get("cipher").asText()).isEqualTo("chacha20-poly1305");
    assertThat(enc.get("salt").asText()).hasSize(32);
    assertThat(enc.get("nonce").asText()).hasSize(24);
    assertThat(enc.get("ciphertext").asText()).hasSize(96);

    List<Path> asked = new ArrayList<>();
    assertThat(store.load("alice", give("correct horse", asked))).isEqualTo(alice);
    assertThat(asked).containsExactly(file);
  }

  @Test
  void the_passphrase_array_is_wiped_after_loading() {
    store.save("alice", alice, "pw".toCharArray());
    char[] handed = "pw".toCharArray();
    store.load("alice", (name, file) -> handed);
    assertThat(handed).containsOnly('\0');
  }

  @Test
  void saving_with_the_same_passphrase_twice_gives_different_files() throws IOException {
    store.save("a", alice, "pw".toCharArray());
    store.save("b", alice, "pw".toCharArray());
    JsonNode a = Json.mapper().readTree(dir.resolve("a.key").toFile()).get("encrypted_secret_key");
    JsonNode b = Json.mapper().readTree(dir.resolve("b.key").toFile()).get("encrypted_secret_key");
    assertThat(a.get("salt")).isNotEqualTo(b.get("salt"));
    assertThat(a.get("ciphertext")).isNotEqualTo(b.get("ciphertext"));
  }

  @Test
  void a_composed_and_a_decomposed_accent_are_the_same_passphrase() {
    store.save("alice", alice, "caf\u00e9".toCharArray());
    assertThat(store.load("alice", (n, f) -> "cafe\u0301".toCharArray())).isEqualTo(alice);
  }

  // --- passphrase failures -------------------------------------------------------------------

  @Test
  void wrong_passphrase_is_a_clear_error() {
    Path file = store.save("alice", alice, "right".toCharArray());
    failure(
        () -> store.load("alice", (n, f) -> "wrong".toCharArray()),
        Kind.WRONG_PASSPHRASE,
        "wrong passphrase for identity 'alice' (" + file + ")");
  }

  @Test
  void encrypted_file_without_a_passphrase_says_one_is_needed() {
    store.save("alice", alice, "right".toCharArray());
    failure(
        () -> store.load("alice", PassphraseSupplier.none()),
        Kind.PASSPHRASE_REQUIRED,
        "identity 'alice' is encrypted and no passphrase was given");
  }

  @Test
  void an_empty_passphrase_is_refused_when_saving() {
    assertThatThrownBy(() -> store.save("alice", alice, new char[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the passphrase is empty; pass null to store the key unencrypted");
    assertThat(dir).doesNotExist();
  }

  // --- permissions ---------------------------------------------------------------------------

  @Test
  void save_creates_a_0700_directory_and_a_0600_file_and_leaves_no_temporary_file()
      throws IOException {
    Path file = store.save("alice", alice, null);
    assertThat(perms(dir)).isEqualTo("rwx------");
    assertThat(perms(file)).isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("alice.key");
    }
  }

  @Test
  void encrypted_file_is_0600_too() throws IOException {
    Path file = store.save("alice", alice, "pw".toCharArray());
    assertThat(perms(file)).isEqualTo("rw-------");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r-----", "rw----r--", "rw--w----", "rwx------"})
  void a_key_file_group_or_others_can_access_is_refused_with_the_chmod_to_run(String mode)
      throws IOException {
    Path file = store.save("alice", alice, null);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    if (mode.equals("rwx------")) {
      // owner-execute is odd but not a leak: still loads
      assertThat(store.load("alice", NEVER)).isEqualTo(alice);
      return;
    }
    IdentityStoreException e =
        failure(
            () -> store.load("alice", NEVER),
            Kind.INSECURE_PERMISSIONS,
            "key file "
                + file
                + " is accessible by group or others ("
                + mode
                + "); run: chmod 600 "
                + file);
    assertThat(e.file()).isEqualTo(file);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(store.load("alice", NEVER)).isEqualTo(alice);
  }

  @Test
  void an_insecure_encrypted_file_is_refused_before_asking_for_the_passphrase() throws IOException {
    Path file = store.save("alice", alice, "pw".toCharArray());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    failure(
        () -> store.load("alice", (n, f) -> fail("asked for a passphrase")),
        Kind.INSECURE_PERMISSIONS,
        "key file "
            + file
            + " is accessible by group or others (rw-r--r--); run: chmod 600 "
            + file);
  }

  @Test
  void saving_into_an_existing_directory_others_can_read_is_refused() throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    failure(
        () -> store.save("alice", alice, null),
        Kind.INSECURE_PERMISSIONS,
        "identity directory "
            + dir
            + " is accessible by group or others (rwxr-xr-x); run: chmod 700 "
            + dir);
    assertThat(dir.resolve("alice.key")).doesNotExist();
  }

  // --- names, existence, listing -------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "a b", "../x", "a/b", ".hidden", "-flag", "_x", "é", "a\u001b[2J"})
  void bad_names_are_refused(String name) {
    IdentityStoreException e =
        failure(
            () -> store.save(name, alice, null),
            Kind.INVALID_NAME,
            "invalid identity name '"
                + name.replace("\u001b", "\\u001b")
                + "': use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
                + " digit");
    assertThat(e.file()).isNull();
    assertThatThrownBy(() -> store.load(name, NEVER)).isInstanceOf(IdentityStoreException.class);
    assertThatThrownBy(() -> store.exists(name)).isInstanceOf(IdentityStoreException.class);
    assertThatThrownBy(() -> store.remove(name)).isInstanceOf(IdentityStoreException.class);
  }

  @Test
  void names_up_to_64_characters_are_accepted_and_65_are_not() {
    String longest = "a".repeat(64);
    store.save(longest, alice, null);
    assertThat(store.exists(longest)).isTrue();
    assertThatThrownBy(() -> store.save("a".repeat(65), alice, null))
        .isInstanceOf(IdentityStoreException.class)
        .extracting(e -> ((IdentityStoreException) e).kind())
        .isEqualTo(Kind.INVALID_NAME);
  }

  @Test
  void null_name_is_refused() {
    failure(
        () -> store.exists(null),
        Kind.INVALID_NAME,
        "invalid identity name '': use 1 to 64 letters, digits, '.', '_' or '-', starting with a"
            + " letter or digit");
  }

  @Test
  void a_missing_identity_is_not_found() {
    Path file = dir.resolve("bob.key");
    failure(
        () -> store.load("bob", NEVER),
        Kind.NOT_FOUND,
        "no identity 'bob': " + file + " does not exist");
    failure(
        () -> store.info("bob"), Kind.NOT_FOUND, "no identity 'bob': " + file + " does not exist");
    failure(
        () -> store.remove("bob"),
        Kind.NOT_FOUND,
        "no identity 'bob': " + file + " does not exist");
    assertThat(store.exists("bob")).isFalse();
  }

  @Test
  void saving_over_an_existing_identity_is_refused_and_keeps_the_old_key() throws IOException {
    Path file = store.save("alice", alice, null);
    byte[] before = Files.readAllBytes(file);
    Identity other = Identity.fromSecret(new byte[32]);
    failure(
        () -> store.save("alice", other, null),
        Kind.ALREADY_EXISTS,
        "an identity with this name already exists: " + file + " (remove it first to replace it)");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(store.load("alice", NEVER)).isEqualTo(alice);
  }

  @Test
  void list_returns_sorted_names_and_ignores_other_files() throws IOException {
    assertThat(store.list()).isEmpty();
    store.save("zed", alice, null);
    store.save("alice", alice, "pw".toCharArray());
    store.save("Bob.2", alice, null);
    Files.writeString(dir.resolve("README"), "not a key");
    Files.writeString(dir.resolve(".alice.key.123.tmp"), "half-written");
    Files.writeString(dir.resolve(".hidden.key"), "{}");
    Files.createDirectory(dir.resolve("dir.key"));

    assertThat(store.list()).containsExactly("Bob.2", "alice", "zed");
  }

  @Test
  void remove_deletes_the_key_file() {
    store.save("alice", alice, null);
    store.save("bob", alice, null);
    store.remove("alice");
    assertThat(store.exists("alice")).isFalse();
    assertThat(store.exists("bob")).isTrue();
    assertThat(store.list()).containsExactly("bob");
  }

  @Test
  void info_reads_the_public_facts_without_a_passphrase() {
    Path file = store.save("alice", alice, "pw".toCharArray());
    store.save("plain", alice, null);
    assertThat(store.info("alice"))
        .isEqualTo(new KeyFileInfo("alice", alice.publicKeyHex(), true, file));
    assertThat(store.info("plain").encrypted()).isFalse();
  }

  // --- damaged files -------------------------------------------------------------------------

  private void rewrite(Path file, Consumer<ObjectNode> change) throws IOException {
    ObjectNode json = (ObjectNode) Json.mapper().readTree(file.toFile());
    change.accept(json);
    Files.writeString(file, Json.mapper().writeValueAsString(json));
  }

  @Test
  void a_public_key_that_does_not_match_the_secret_is_reported_as_damage() throws IOException {
    Path file = store.save("alice", alice, null);
    String other = Identity.fromSecret(new byte[32]).publicKeyHex();
    rewrite(file, json -> json.put("public_key", other));
    failure(
        () -> store.load("alice", NEVER),
        Kind.CORRUPT,
        "key file " + file + " is damaged: its secret key does not match its public key");
  }

  @Test
  void a_swapped_public_key_in_an_encrypted_file_does_not_open() throws IOException {
    Path file = store.save("alice", alice, "pw".toCharArray());
    String other = Identity.fromSecret(new byte[32]).publicKeyHex();
    rewrite(file, json -> json.put("public_key", other));
    // the public key is the AEAD's associated data: the tag no longer matches
    failure(
        () -> store.load("alice", (n, f) -> "pw".toCharArray()),
        Kind.WRONG_PASSPHRASE,
        "wrong passphrase for identity 'alice' (" + file + ")");
  }

  @Test
  void damaged_files_name_what_is_wrong() throws IOException {
    Path file = store.save("alice", alice, null);
    String prefix = "key file " + file + " is damaged: ";

    Files.writeString(file, "not json");
    failure(() -> store.load("alice", NEVER), Kind.CORRUPT, prefix + "it is not JSON");

    Files.writeString(file, "{\"format\":\"other\"}");
    failure(
        () -> store.load("alice", NEVER),
        Kind.CORRUPT,
        prefix + "it is not a market identity file");

    Files.writeString(file, "{\"format\":\"market-identity\",\"version\":2}");
    failure(
        () -> store.load("alice", NEVER),
        Kind.CORRUPT,
        prefix + "it has version 2; this version reads 1");

    Files.writeString(
        file,
        "{\"format\":\"market-identity\",\"version\":1,\"public_key\":\""
            + alice.publicKeyHex()
            + "\",\"secret_key\":\"12\"}");
    failure(
        () -> store.load("alice", NEVER),
        Kind.CORRUPT,
        prefix + "'secret_key' is missing or not 64 hex characters");
  }

  @Test
  void scrypt_parameters_that_would_exhaust_memory_are_refused() throws IOException {
    Path file = store.save("alice", alice, "pw".toCharArray());
    rewrite(file, json -> ((ObjectNode) json.get("encrypted_secret_key")).put("log2_n", 24));
    failure(
        () -> store.load("alice", (n, f) -> "pw".toCharArray()),
        Kind.CORRUPT,
        "key file " + file + " is damaged: its scrypt parameters are out of range");
  }

  @Test
  void nothing_secret_in_to_string() {
    store.save("alice", alice, null);
    assertThat(store.toString()).isEqualTo("IdentityStore[" + dir + "]");
    assertThat(store.info("alice").toString()).doesNotContain(SECRET_HEX);
  }
}
