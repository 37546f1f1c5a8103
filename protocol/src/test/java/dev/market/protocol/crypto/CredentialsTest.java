package dev.market.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.json.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/protocol.md section 7, checked against {@code credential_encryption_v2} of the vectors. */
class CredentialsTest {
  private static JsonNode v;
  private static Identity renter;
  private static byte[] contractId;
  private static String vectorJson;

  @BeforeAll
  static void load() throws IOException {
    v = Json.mapper().readTree(SigningVectorsTest.VECTORS.toFile()).get("credential_encryption_v2");
    renter = Identity.fromMnemonic(vec("recipient_mnemonic"));
    contractId = Hex.decode(vec("contract_id_hex_used_as_aad"));
    vectorJson = vec("encrypted_credentials_json");
  }

  private static String vec(String field) {
    assertThat(v.get(field)).as(field).isNotNull();
    return v.get(field).asText();
  }

  private static String altered(String field, UnaryOperator<byte[]> change) throws IOException {
    ObjectNode json = (ObjectNode) Json.mapper().readTree(vectorJson);
    byte[] bytes = Base64.getDecoder().decode(json.get(field).asText());
    json.put(field, Base64.getEncoder().encodeToString(change.apply(bytes)));
    return Json.mapper().writeValueAsString(json);
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index < 0 ? copy.length + index : index] ^= 1;
    return copy;
  }

  /** No secret of the vector may appear in an error message. */
  private static void assertNoSecretIn(String message) {
    for (String secret :
        List.of(
            "recipient_ed25519_secret_hex",
            "recipient_x25519_secret_clamped_hex",
            "ephemeral_x25519_secret_clamped_hex",
            "x25519_shared_secret_hex",
            "aead_key_hex")) {
      assertThat(message).doesNotContainIgnoringCase(vec(secret));
    }
    assertThat(message).doesNotContain(vec("plaintext_utf8"));
  }

  private static void assertFails(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(CredentialsException.class).hasMessage(message);
    try {
      call.call();
    } catch (Throwable e) {
      assertNoSecretIn(e.getMessage());
    }
  }

  private static String notForUs(Identity who) {
    return "cannot decrypt the credentials: they were altered, or were encrypted to a key other than "
        + who.publicKeyHex();
  }

  // --- the vector, step by step ------------------------------------------------------------

  @Test
  void renter_x25519_secret_is_the_clamped_sha512_of_the_ed25519_secret() {
    assertThat(renter.publicKeyHex()).isEqualTo(vec("recipient_ed25519_public_key_hex"));
    assertThat(Hex.encode(renter.secretKey())).isEqualTo(vec("recipient_ed25519_secret_hex"));
    assertThat(Hex.encode(Credentials.renterX25519Secret(renter.secretKey())))
        .isEqualTo(vec("recipient_x25519_secret_clamped_hex"));
  }

  @Test
  void ed25519_public_key_maps_to_the_recipient_x25519_key() {
    byte[] u = Credentials.edwardsToMontgomery(renter.publicKey());
    assertThat(Hex.encode(u)).isEqualTo(vec("recipient_x25519_public_key_hex"));
    // and it is the public key of the renter's X25519 secret: both sides agree
    byte[] fromSecret =
        new X25519PrivateKeyParameters(Hex.decode(vec("recipient_x25519_secret_clamped_hex")), 0)
            .generatePublicKey()
            .getEncoded();
    assertThat(u).isEqualTo(fromSecret);
  }

  @Test
  void shared_secret_and_aead_key_match_the_vector() {
    X25519PrivateKeyParameters ephemeral =
        new X25519PrivateKeyParameters(Hex.decode(vec("ephemeral_x25519_secret_clamped_hex")), 0);
    assertThat(Hex.encode(ephemeral.generatePublicKey().getEncoded()))
        .isEqualTo(vec("ephemeral_x25519_public_key_hex"));
    byte[] shared =
        Credentials.agree(ephemeral, Hex.decode(vec("recipient_x25519_public_key_hex")));
    assertThat(Hex.encode(shared)).isEqualTo(vec("x25519_shared_secret_hex"));
    assertThat(Hex.encode(Credentials.aeadKey(shared))).isEqualTo(vec("aead_key_hex"));
  }

  @Test
  void encrypting_with_the_vector_ephemeral_and_nonce_reproduces_the_json_exactly() {
    String json =
        Credentials.encrypt(
            vec("recipient_ed25519_public_key_hex"),
            contractId,
            vec("plaintext_utf8"),
            Hex.decode(vec("ephemeral_x25519_secret_clamped_hex")),
            Hex.decode(vec("nonce_hex")));
    assertThat(json).isEqualTo(vectorJson);
  }

  @Test
  void vector_ciphertext_is_ciphertext_then_tag() throws IOException {
    JsonNode json = Json.mapper().readTree(vectorJson);
    assertThat(Hex.encode(Base64.getDecoder().decode(json.get("ciphertext").asText())))
        .isEqualTo(vec("ciphertext_with_tag_hex"));
    assertThat(Base64.getDecoder().decode(json.get("aad").asText())).isEqualTo(contractId);
    assertThat(Hex.encode(Base64.getDecoder().decode(json.get("nonce").asText())))
        .isEqualTo(vec("nonce_hex"));
  }

  @Test
  void decrypting_the_vector_gives_the_root_password() {
    assertThat(Credentials.decrypt(renter, vectorJson)).isEqualTo("S3cret-Root-Pa55!");
    assertThat(Credentials.decrypt(renter, contractId, vectorJson)).isEqualTo("S3cret-Root-Pa55!");
  }

  // --- round trip ----------------------------------------------------------------------------

  @Test
  void random_encryption_round_trips_and_never_repeats() {
    Identity someone = Identity.fromMnemonic(Bip39.generate(12));
    String secret = "pässwörd ✓ with \"quotes\" and \\ backslash";
    String a = Credentials.encrypt(someone.publicKeyHex(), contractId, secret);
    String b = Credentials.encrypt(someone.publicKeyHex(), contractId, secret);
    assertThat(a).isNotEqualTo(b);
    assertThat(Credentials.decrypt(someone, a)).isEqualTo(secret);
    assertThat(Credentials.decrypt(someone, contractId, b)).isEqualTo(secret);
    assertThat(a).doesNotContain("pässwörd");
  }

  @Test
  void empty_plaintext_round_trips() {
    String json = Credentials.encrypt(renter.publicKeyHex(), contractId, "");
    assertThat(Credentials.decrypt(renter, json)).isEmpty();
  }

  @Test
  void upper_case_recipient_hex_is_accepted() {
    String json =
        Credentials.encrypt(renter.publicKeyHex().toUpperCase(Locale.ROOT), contractId, "x");
    assertThat(Credentials.decrypt(renter, json)).isEqualTo("x");
  }

  // --- tampering -----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {0, 8, 16, -16, -1})
  void a_flipped_bit_in_the_ciphertext_or_tag_is_refused(int index) throws IOException {
    String tampered = altered("ciphertext", b -> flip(b, index));
    assertFails(() -> Credentials.decrypt(renter, tampered), notForUs(renter));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 12, 16, 23})
  void a_flipped_bit_in_the_nonce_is_refused(int index) throws IOException {
    // bytes 0-15 feed HChaCha20, 16-23 the inner ChaCha20 nonce: both halves must matter
    String tampered = altered("nonce", b -> flip(b, index));
    assertFails(() -> Credentials.decrypt(renter, tampered), notForUs(renter));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31})
  void a_flipped_bit_in_the_aad_is_refused(int index) throws IOException {
    String tampered = altered("aad", b -> flip(b, index));
    assertFails(() -> Credentials.decrypt(renter, tampered), notForUs(renter));
  }

  @Test
  void another_ephemeral_key_is_refused() throws IOException {
    String tampered = altered("ephemeral_pubkey", b -> flip(b, 3));
    assertFails(() -> Credentials.decrypt(renter, tampered), notForUs(renter));
  }

  @Test
  void a_low_order_ephemeral_key_is_refused() throws IOException {
    String tampered = altered("ephemeral_pubkey", b -> new byte[32]);
    assertFails(
        () -> Credentials.decrypt(renter, tampered),
        "cannot use the credentials' ephemeral key: it is a low-order point");
  }

  @Test
  void a_truncated_ciphertext_is_refused() throws IOException {
    String tampered = altered("ciphertext", b -> Arrays.copyOf(b, b.length - 1));
    assertFails(() -> Credentials.decrypt(renter, tampered), notForUs(renter));
  }

  @Test
  void another_recipient_cannot_decrypt() {
    Identity stranger = Identity.fromSecret(new byte[32]);
    assertFails(() -> Credentials.decrypt(stranger, vectorJson), notForUs(stranger));
  }

  @Test
  void credentials_for_another_contract_are_refused_before_decrypting() {
    byte[] other = flip(contractId, 0);
    assertFails(
        () -> Credentials.decrypt(renter, other, vectorJson),
        "the encrypted credentials belong to another contract (their aad is not contract "
            + Hex.encode(other)
            + ")");
  }

  // --- malformed JSON ------------------------------------------------------------------------

  @Test
  void malformed_envelopes_are_refused_with_the_field_named() throws IOException {
    assertFails(() -> Credentials.decrypt(renter, ""), "encrypted credentials are empty");
    assertFails(() -> Credentials.decrypt(renter, null), "encrypted credentials are empty");
    assertFails(() -> Credentials.decrypt(renter, "{"), "encrypted credentials are not valid JSON");
    assertFails(
        () -> Credentials.decrypt(renter, "[1,2]"), "encrypted credentials are not a JSON object");
    assertFails(
        () -> Credentials.decrypt(renter, "\"S3cret\""),
        "encrypted credentials are not a JSON object");

    ObjectNode base = (ObjectNode) Json.mapper().readTree(vectorJson);
    assertFails(
        () -> Credentials.decrypt(renter, base.deepCopy().without("version").toString()),
        "encrypted credentials have no 'version'");
    assertFails(
        () -> Credentials.decrypt(renter, base.deepCopy().put("version", 1).toString()),
        "encrypted credentials have version 1; this client reads version 2");
    assertFails(
        () -> Credentials.decrypt(renter, base.deepCopy().put("version", "2").toString()),
        "encrypted credentials: 'version' must be a number");
    assertFails(
        () -> Credentials.decrypt(renter, base.deepCopy().without("nonce").toString()),
        "encrypted credentials have no 'nonce'");
    assertFails(
        () -> Credentials.decrypt(renter, base.deepCopy().put("aad", 5).toString()),
        "encrypted credentials: 'aad' must be a base64 string");
    assertFails(
        () -> Credentials.decrypt(renter, base.deepCopy().put("ciphertext", "***").toString()),
        "encrypted credentials: 'ciphertext' is not base64");
    assertFails(
        () -> Credentials.decrypt(renter, altered("nonce", b -> Arrays.copyOf(b, 12))),
        "encrypted credentials: 'nonce' must be 24 bytes, got 12");
    assertFails(
        () -> Credentials.decrypt(renter, altered("ephemeral_pubkey", b -> Arrays.copyOf(b, 33))),
        "encrypted credentials: 'ephemeral_pubkey' must be 32 bytes, got 33");
    assertFails(
        () -> Credentials.decrypt(renter, altered("ciphertext", b -> new byte[15])),
        "encrypted credentials: 'ciphertext' is 15 bytes, shorter than the 16-byte tag");
  }

  // --- encrypt's input checks ----------------------------------------------------------------

  @Test
  void encrypting_to_a_malformed_or_invalid_key_is_refused() {
    assertFails(
        () -> Credentials.encrypt("abcd", contractId, "x"),
        "cannot encrypt credentials: the recipient public key must be 64 hex characters");
    // y = 2 is not on the curve; y = 1 is the identity point (1 - y = 0 has no inverse)
    for (String bad : new String[] {"02" + "00".repeat(31), "01" + "00".repeat(31)}) {
      assertFails(
          () -> Credentials.encrypt(bad, contractId, "x"),
          "cannot encrypt credentials: the recipient public key is not a valid Ed25519 key");
    }
  }

  @Test
  void contract_id_must_be_32_bytes() {
    assertThatThrownBy(() -> Credentials.encrypt(renter.publicKeyHex(), new byte[31], "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a contract id is 32 bytes");
  }
}
