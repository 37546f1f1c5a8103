package dev.market.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.Ed25519phSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of {@code vectors/signing.json} (docs/protocol.md sections 1 and 2), plus negative
 * cases.
 */
class SigningVectorsTest {
  static final Path VECTORS = Path.of("..", "vectors", "signing.json");

  private static JsonNode vectors;

  @BeforeAll
  static void load() throws IOException {
    vectors = Json.mapper().readTree(VECTORS.toFile());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    assertThat(value).as("vector field %s", field).isNotNull();
    return value.asText();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void checked_in_vectors_equal_the_shared_contract_copy() throws IOException {
    String sharedDir = System.getProperty("market.shared.dir");
    assumeTrue(sharedDir != null, "market.shared.dir not set (not run by surefire)");
    Path shared = Path.of(sharedDir, "vectors", "signing.json");
    assumeTrue(Files.isRegularFile(shared), "no shared contract directory next to the repository");
    assertThat(Files.readAllBytes(VECTORS))
        .as("vectors/signing.json must be a byte-for-byte copy of %s", shared)
        .isEqualTo(Files.readAllBytes(shared));
  }

  @Test
  void context_is_decent_cloud() {
    assertThat(Identity.CONTEXT).isEqualTo(utf8(text(vectors, "context_utf8")));
  }

  // --- docs/protocol.md section 1: identity derivation -------------------------------------

  @Test
  void mnemonic_gives_the_bip39_seed() {
    JsonNode id = vectors.get("identity");
    assertThat(Hex.encode(Bip39.toSeed(text(id, "mnemonic"), text(id, "passphrase"))))
        .isEqualTo(text(id, "bip39_seed_hex"));
  }

  @Test
  void seed_gives_the_hmac_key_material() {
    JsonNode id = vectors.get("identity");
    assertThat(Hex.encode(Identity.keyMaterial(Hex.decode(text(id, "bip39_seed_hex")))))
        .isEqualTo(text(id, "hmac_sha512_key_material_hex"));
  }

  @Test
  void mnemonic_gives_the_secret_and_public_key() {
    JsonNode id = vectors.get("identity");
    Identity identity = Identity.fromMnemonic(text(id, "mnemonic"));
    assertThat(Hex.encode(identity.secretKey())).isEqualTo(text(id, "ed25519_secret_hex"));
    assertThat(identity.publicKeyHex()).isEqualTo(text(id, "public_key_hex"));
    assertThat(identity.publicKey()).isEqualTo(Hex.decode(text(id, "public_key_hex")));
    assertThat(identity.toString()).doesNotContain(text(id, "ed25519_secret_hex"));
  }

  @Test
  void bip39_trezor_reference_seed_with_passphrase() {
    JsonNode ref = vectors.get("bip39_reference");
    assertThat(Hex.encode(Bip39.toSeed(text(ref, "mnemonic"), text(ref, "passphrase"))))
        .isEqualTo(text(ref, "seed_hex"));
  }

  // --- docs/protocol.md section 2: signed requests -----------------------------------------

  static Stream<Arguments> signedRequests() throws IOException {
    JsonNode all = Json.mapper().readTree(VECTORS.toFile()).get("signed_requests");
    List<Arguments> out = new ArrayList<>();
    all.forEach(r -> out.add(Arguments.of(text(r, "method") + " " + text(r, "path"), r)));
    assertThat(out).hasSize(2);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedRequests")
  void signed_request_message_and_signature_match_byte_for_byte(String name, JsonNode request) {
    Identity identity = Identity.fromMnemonic(text(vectors.get("identity"), "mnemonic"));
    JsonNode headers = request.get("headers");
    byte[] message =
        RequestSigning.message(
            text(headers, RequestSigning.HEADER_TIMESTAMP),
            text(headers, RequestSigning.HEADER_NONCE),
            text(request, "method"),
            text(request, "path"),
            utf8(text(request, "body")));
    assertThat(new String(message, StandardCharsets.UTF_8))
        .isEqualTo(text(request, "message_utf8"));

    byte[] signature = identity.sign(message);
    assertThat(Hex.encode(signature)).isEqualTo(text(request, "signature_hex"));
    assertThat(text(headers, RequestSigning.HEADER_SIGNATURE))
        .isEqualTo(text(request, "signature_hex"));
    assertThat(text(headers, RequestSigning.HEADER_PUBLIC_KEY)).isEqualTo(identity.publicKeyHex());
    assertThat(RequestSigning.verify(identity.publicKey(), message, signature)).isTrue();
  }

  @Test
  void captured_real_decent_cloud_request_verifies() {
    JsonNode r = vectors.get("captured_real_request");
    byte[] message =
        RequestSigning.message(
            text(r, "timestamp"),
            text(r, "nonce"),
            text(r, "method"),
            text(r, "path"),
            utf8(text(r, "body")));
    assertThat(
            RequestSigning.verify(
                Hex.decode(text(r, "public_key_hex")),
                message,
                Hex.decode(text(r, "signature_hex"))))
        .isTrue();
  }

  @Test
  void raw_secret_signs_to_the_vector_without_derivation() {
    JsonNode r = vectors.get("raw_secret_signature");
    Identity identity = Identity.fromSecret(Hex.decode(text(r, "ed25519_secret_hex")));
    assertThat(identity.publicKeyHex()).isEqualTo(text(r, "public_key_hex"));
    assertThat(utf8(text(r, "context_utf8"))).isEqualTo(Identity.CONTEXT);
    byte[] message = utf8(text(r, "message_utf8"));
    assertThat(Hex.encode(identity.sign(message))).isEqualTo(text(r, "signature_hex"));
    assertThat(
            RequestSigning.verify(
                identity.publicKey(), message, Hex.decode(text(r, "signature_hex"))))
        .isTrue();
  }

  @Test
  void rfc8032_ed25519ph_abc_with_empty_context() {
    JsonNode r = vectors.get("rfc8032_ed25519ph_abc");
    byte[] secret = Hex.decode(text(r, "secret_hex"));
    byte[] context = Hex.decode(text(r, "context_hex"));
    byte[] message = Hex.decode(text(r, "message_hex"));
    assertThat(context).isEmpty();
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(secret, 0);
    assertThat(Hex.encode(key.generatePublicKey().getEncoded()))
        .isEqualTo(text(r, "public_key_hex"));

    Ed25519phSigner signer = new Ed25519phSigner(context);
    signer.init(true, key);
    signer.update(message, 0, message.length);
    assertThat(Hex.encode(signer.generateSignature())).isEqualTo(text(r, "signature_hex"));
    assertThat(
            RequestSigning.verify(
                Hex.decode(text(r, "public_key_hex")),
                message,
                Hex.decode(text(r, "signature_hex")),
                context))
        .isTrue();
    // the same signature is not a decent-cloud signature
    assertThat(
            RequestSigning.verify(
                Hex.decode(text(r, "public_key_hex")),
                message,
                Hex.decode(text(r, "signature_hex"))))
        .isFalse();
  }

  // --- negative cases ----------------------------------------------------------------------

  private static JsonNode post() {
    return vectors.get("signed_requests").get(0);
  }

  private static byte[] postMessage() {
    return utf8(text(post(), "message_utf8"));
  }

  private static byte[] vectorPublicKey() {
    return Hex.decode(text(vectors.get("identity"), "public_key_hex"));
  }

  private static byte[] postSignature() {
    return Hex.decode(text(post(), "signature_hex"));
  }

  @Test
  void signature_without_context_is_rejected() {
    Identity identity = Identity.fromMnemonic(text(vectors.get("identity"), "mnemonic"));
    Ed25519phSigner signer = new Ed25519phSigner(new byte[0]);
    signer.init(true, new Ed25519PrivateKeyParameters(identity.secretKey(), 0));
    byte[] message = postMessage();
    signer.update(message, 0, message.length);
    byte[] noContext = signer.generateSignature();

    assertThat(RequestSigning.verify(vectorPublicKey(), message, noContext)).isFalse();
    // and the vector's decent-cloud signature does not verify without the context either
    assertThat(RequestSigning.verify(vectorPublicKey(), message, postSignature(), new byte[0]))
        .isFalse();
  }

  @Test
  void signature_with_another_context_is_rejected() {
    Identity identity = Identity.fromMnemonic(text(vectors.get("identity"), "mnemonic"));
    Ed25519phSigner signer = new Ed25519phSigner(utf8("decent-cloud2"));
    signer.init(true, new Ed25519PrivateKeyParameters(identity.secretKey(), 0));
    byte[] message = postMessage();
    signer.update(message, 0, message.length);
    byte[] otherContext = signer.generateSignature();

    assertThat(RequestSigning.verify(vectorPublicKey(), message, otherContext)).isFalse();
    assertThat(
            RequestSigning.verify(
                vectorPublicKey(), message, postSignature(), utf8("Decent-Cloud")))
        .isFalse();
  }

  @Test
  void plain_ed25519_signature_is_rejected() {
    Identity identity = Identity.fromMnemonic(text(vectors.get("identity"), "mnemonic"));
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, new Ed25519PrivateKeyParameters(identity.secretKey(), 0));
    byte[] message = postMessage();
    signer.update(message, 0, message.length);
    byte[] plain = signer.generateSignature();

    // sanity: it is a valid plain Ed25519 signature, just not the protocol's
    Ed25519Signer plainVerifier = new Ed25519Signer();
    plainVerifier.init(false, new Ed25519PublicKeyParameters(vectorPublicKey(), 0));
    plainVerifier.update(message, 0, message.length);
    assertThat(plainVerifier.verifySignature(plain)).isTrue();

    assertThat(RequestSigning.verify(vectorPublicKey(), message, plain)).isFalse();
  }

  /** The byte offsets of each signed field inside the POST vector's message. */
  static Stream<Arguments> signedFields() {
    String ts = "1700000000000000000";
    String nonce = "123e4567-e89b-42d3-a456-426614174000";
    String method = "POST";
    String path = "/api/v1/contracts";
    int tsAt = 0;
    int nonceAt = tsAt + ts.length();
    int methodAt = nonceAt + nonce.length();
    int pathAt = methodAt + method.length();
    int bodyAt = pathAt + path.length();
    return Stream.of(
        Arguments.of("timestamp", tsAt, ts.length()),
        Arguments.of("nonce", nonceAt, nonce.length()),
        Arguments.of("method", methodAt, method.length()),
        Arguments.of("path", pathAt, path.length()),
        Arguments.of("body", bodyAt, -1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedFields")
  void one_flipped_bit_in_a_signed_field_is_rejected(String field, int offset, int length) {
    byte[] message = postMessage();
    assertThat(RequestSigning.verify(vectorPublicKey(), message, postSignature())).isTrue();
    int end = length < 0 ? message.length : offset + length;
    // first, middle and last byte of the field, lowest and highest bit of each
    for (int at : new int[] {offset, (offset + end) / 2, end - 1}) {
      for (int bit : new int[] {0, 6}) {
        byte[] flipped = Arrays.copyOf(message, message.length);
        flipped[at] ^= (byte) (1 << bit);
        assertThat(RequestSigning.verify(vectorPublicKey(), flipped, postSignature()))
            .as("%s byte %d bit %d flipped", field, at, bit)
            .isFalse();
      }
    }
  }

  @Test
  void one_flipped_bit_in_the_signature_or_key_is_rejected() {
    byte[] message = postMessage();
    for (int at : new int[] {0, 31, 32, 63}) {
      byte[] signature = postSignature();
      signature[at] ^= 1;
      assertThat(RequestSigning.verify(vectorPublicKey(), message, signature)).isFalse();
    }
    byte[] key = vectorPublicKey();
    key[5] ^= 1;
    assertThat(RequestSigning.verify(key, message, postSignature())).isFalse();
  }

  @Test
  void signature_of_wrong_length_is_rejected_without_throwing() {
    byte[] message = postMessage();
    assertThat(
            RequestSigning.verify(vectorPublicKey(), message, Arrays.copyOf(postSignature(), 63)))
        .isFalse();
    assertThat(
            RequestSigning.verify(Arrays.copyOf(vectorPublicKey(), 31), message, postSignature()))
        .isFalse();
    assertThat(RequestSigning.verify(null, message, null)).isFalse();
  }

  @Test
  void lower_case_method_is_signed_as_upper_case() {
    JsonNode r = post();
    JsonNode headers = r.get("headers");
    byte[] lower =
        RequestSigning.message(
            text(headers, RequestSigning.HEADER_TIMESTAMP),
            text(headers, RequestSigning.HEADER_NONCE),
            "post",
            text(r, "path"),
            utf8(text(r, "body")));
    assertThat(lower).isEqualTo(postMessage());
  }
}
