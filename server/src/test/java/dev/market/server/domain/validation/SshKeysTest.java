package dev.market.server.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.market.server.domain.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SshKeysTest {

  /** Real keys from ssh-keygen -t ed25519 / rsa -b 1024,3072,4096 / ecdsa -b 256,384,521. */
  private static final List<String> GENERATED =
      List.of(
          "ed25519.pub",
          "rsa-1024.pub",
          "rsa-3072.pub",
          "rsa-4096.pub",
          "ecdsa-256.pub",
          "ecdsa-384.pub",
          "ecdsa-521.pub");

  static String resource(String name) {
    try (InputStream in = SshKeysTest.class.getResourceAsStream("/sshkeys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] blobOf(String line) {
    return Base64.getDecoder().decode(line.split(" ", -1)[1]);
  }

  private static String line(String type, byte[] blob) {
    return type + " " + Base64.getEncoder().encodeToString(blob);
  }

  /** RFC 4251 string: uint32 length, bytes. */
  private static byte[] sshString(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p.length >>> 24);
      out.write(p.length >>> 16);
      out.write(p.length >>> 8);
      out.write(p.length);
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String skEd25519() {
    byte[] point = blobOf(resource("ed25519.pub").strip());
    byte[] key = Arrays.copyOfRange(point, point.length - 32, point.length);
    return line(
        "sk-ssh-ed25519@openssh.com",
        sshString(ascii("sk-ssh-ed25519@openssh.com"), key, ascii("ssh:")));
  }

  private static String skEcdsa() {
    byte[] ecdsa = blobOf(resource("ecdsa-256.pub").strip());
    // ecdsa blob = string type, string "nistp256", string point; reuse curve and point
    byte[] rest = Arrays.copyOfRange(ecdsa, 4 + "ecdsa-sha2-nistp256".length(), ecdsa.length);
    byte[] blob =
        concat(
            concat(sshString(ascii("sk-ecdsa-sha2-nistp256@openssh.com")), rest),
            sshString(ascii("ssh:")));
    return line("sk-ecdsa-sha2-nistp256@openssh.com", blob) + " yubikey";
  }

  private static String rsaOfBits(int bits) {
    BigInteger n =
        BigInteger.probablePrime(bits / 2, new Random(bits))
            .multiply(BigInteger.probablePrime(bits / 2, new Random(bits + 1)));
    return line(
        "ssh-rsa", sshString(ascii("ssh-rsa"), BigInteger.valueOf(65537).toByteArray(), mag(n)));
  }

  /** Positive mpint: a leading zero byte when the high bit is set. */
  private static byte[] mag(BigInteger n) {
    return n.toByteArray();
  }

  /** Every key we accept; each must also pass ssh-keygen -l. */
  static List<String> acceptedKeys() {
    List<String> keys = new ArrayList<>();
    for (String name : GENERATED) {
      keys.add(resource(name).strip());
    }
    keys.add(skEd25519());
    keys.add(skEcdsa());
    return keys;
  }

  /** Malformed keys with the exact reason; ssh-keygen -l must refuse each of them too. */
  static Map<String, String> malformedKeys() {
    Map<String, String> bad = new LinkedHashMap<>();
    String ed = resource("ed25519.pub").strip();
    byte[] edBlob = blobOf(ed);
    bad.put(
        line("ssh-ed25519", Arrays.copyOf(edBlob, edBlob.length - 5)),
        "ssh_pubkey: the key data is truncated (at the Ed25519 public key)");
    bad.put(
        line("ssh-ed25519", concat(edBlob, new byte[] {0, 0, 0, 0})),
        "ssh_pubkey: the key data has 4 unexpected bytes after the key");
    bad.put(
        line("ssh-rsa", edBlob),
        "ssh_pubkey: the key data is a 'ssh-ed25519' key but the line says 'ssh-rsa'");
    bad.put(
        line("ssh-ed25519", sshString(ascii("ssh-ed25519"), new byte[31])),
        "ssh_pubkey: an Ed25519 public key is 32 bytes, this one is 31");
    bad.put(rsaOfBits(768), "ssh_pubkey: the RSA key is 768 bits; at least 1024 are required");
    String p256 = resource("ecdsa-256.pub").strip();
    byte[] p256Blob = blobOf(p256);
    byte[] offCurve = p256Blob.clone();
    offCurve[offCurve.length - 1] ^= 1;
    bad.put(
        line("ecdsa-sha2-nistp256", offCurve),
        "ssh_pubkey: the ECDSA point is not on the curve nistp256");
    byte[] p384Blob = blobOf(resource("ecdsa-384.pub").strip());
    bad.put(
        line("ecdsa-sha2-nistp256", p384Blob),
        "ssh_pubkey: the key data is a 'ecdsa-sha2-nistp384' key but the line says"
            + " 'ecdsa-sha2-nistp256'");
    byte[] wrongCurve = sshString(ascii("ecdsa-sha2-nistp256"), ascii("nistp384"));
    wrongCurve =
        concat(wrongCurve, Arrays.copyOfRange(p384Blob, wrongCurve.length, p384Blob.length));
    bad.put(
        line("ecdsa-sha2-nistp256", wrongCurve),
        "ssh_pubkey: the ECDSA key names curve 'nistp384' but its type says 'nistp256'");
    return bad;
  }

  @Test
  void real_keys_of_every_accepted_type_are_accepted_with_their_comment() {
    for (String name : GENERATED) {
      String key = resource(name);
      assertThat(SshKeys.validate(key)).isEqualTo(key.strip());
    }
  }

  @Test
  void security_key_types_are_accepted() {
    assertThat(SshKeys.validate(skEd25519())).startsWith("sk-ssh-ed25519@openssh.com AAAA");
    assertThat(SshKeys.validate(skEcdsa())).endsWith(" yubikey");
  }

  @Test
  void surrounding_whitespace_is_trimmed_and_separators_collapsed_but_the_comment_kept() {
    String key = resource("ed25519.pub").strip();
    String[] p = key.split(" ", -1);
    assertThat(SshKeys.validate("  " + p[0] + "   " + p[1] + " my  laptop key \r\n\t"))
        .isEqualTo(p[0] + " " + p[1] + " my  laptop key");
    assertThat(SshKeys.validate(p[0] + " " + p[1])).isEqualTo(p[0] + " " + p[1]);
  }

  @Test
  void malformed_blobs_are_refused_with_a_field_named_reason() {
    malformedKeys()
        .forEach(
            (key, message) ->
                assertThatThrownBy(() -> SshKeys.validate(key))
                    .as(message)
                    .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
                    .hasMessage(message)
                    .satisfies(
                        e -> assertThat(((DomainException) e).field()).isEqualTo("ssh_pubkey")));
  }

  @Test
  void dsa_keys_are_refused() {
    assertThatThrownBy(() -> SshKeys.validate(resource("dsa.pub")))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage(
            "ssh_pubkey: DSA keys (ssh-dss) are not accepted: OpenSSH disabled them as too weak;"
                + " use ssh-ed25519 (ssh-keygen -t ed25519)");
  }

  @Test
  void two_keys_on_two_lines_are_refused() {
    String two = resource("ed25519.pub").strip() + "\n" + resource("rsa-3072.pub").strip();
    assertThatThrownBy(() -> SshKeys.validate(two))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("ssh_pubkey: must be exactly one key on one line; found 2 lines");
  }

  @Test
  void an_authorized_keys_options_prefix_is_refused() {
    String key = "command=\"/bin/sh -c evil\",no-pty " + resource("ed25519.pub").strip();
    assertThatThrownBy(() -> SshKeys.validate(key))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage(
            "ssh_pubkey: authorized_keys options before the key type are not allowed;"
                + " paste only the key: type, base64 data and an optional comment");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
        -----END OPENSSH PRIVATE KEY-----
        """,
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretsecret\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIsecretsecretsecret\n-----END PRIVATE KEY-----",
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAAsecretsecret",
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWsecret"
      })
  void a_pasted_private_key_is_refused_without_echoing_it(String privateKey) {
    assertThatThrownBy(() -> SshKeys.validate(privateKey))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage(
            "ssh_pubkey: this looks like a PRIVATE key, which must never leave your machine; it"
                + " was not stored. Paste the public key instead (the .pub file, e.g."
                + " ~/.ssh/id_ed25519.pub)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret", "b3BlbnNz"));
  }

  @Test
  void a_real_private_key_from_ssh_keygen_is_refused(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("id");
    assumeTrue(run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()) == 0);
    String secret = Files.readString(key);
    assertThatThrownBy(() -> SshKeys.validate(secret))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessageStartingWith("ssh_pubkey: this looks like a PRIVATE key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.split("\n", -1)[1]));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ssh-ed25519",
        "ssh-ed25519 !!!notbase64!!!",
        "ssh-foo AAAA",
        "ssh-ed25519-cert-v01@openssh.com AAAA",
        "ssh-ed25519 AAAA\u0007bell",
        "",
        "   "
      })
  void other_nonsense_is_refused_with_a_reason(String input) {
    assertThatThrownBy(() -> SshKeys.validate(input))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessageStartingWith("ssh_pubkey: ");
  }

  @Test
  void messages_for_the_other_nonsense_are_specific() {
    assertThat(message("ssh-ed25519"))
        .isEqualTo("ssh_pubkey: the base64 key data after 'ssh-ed25519' is missing");
    assertThat(message("ssh-ed25519 !!!notbase64!!!"))
        .isEqualTo("ssh_pubkey: the key data after 'ssh-ed25519' is not valid base64");
    assertThat(message("ssh-foo AAAA"))
        .isEqualTo(
            "ssh_pubkey: unknown key type 'ssh-foo'; expected one of ssh-ed25519, ssh-rsa,"
                + " ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521,"
                + " sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com");
    assertThat(message("ssh-ed25519-cert-v01@openssh.com AAAA"))
        .isEqualTo("ssh_pubkey: certificates are not accepted; paste the plain public key");
    assertThat(message("ssh-ed25519 AAAA\u0007bell"))
        .isEqualTo("ssh_pubkey: contains a control character (U+0007) at position 17");
    assertThat(message("x".repeat(9000)))
        .isEqualTo("ssh_pubkey: too long: at most 8192 characters");
  }

  private static String message(String input) {
    try {
      SshKeys.validate(input);
      throw new AssertionError("accepted: " + input);
    } catch (DomainException e) {
      assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
      return e.getMessage();
    }
  }

  @Test
  void random_bytes_never_escape_as_anything_but_a_validation_error() {
    Random random = new Random(7);
    String ed = resource("ed25519.pub").strip();
    byte[] blob = blobOf(ed);
    for (int i = 0; i < 5_000; i++) {
      byte[] mutated = blob.clone();
      if (random.nextBoolean()) {
        mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length + 8));
      }
      for (int j = 0; j < 1 + random.nextInt(4) && mutated.length > 0; j++) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      String type = SshKeys.KNOWN_TYPES.get(random.nextInt(SshKeys.KNOWN_TYPES.size()));
      try {
        SshKeys.validate(line(type, mutated));
      } catch (DomainException expected) {
        assertThat(expected.field()).isEqualTo("ssh_pubkey");
      }
    }
  }

  /** Our verdict agrees with OpenSSH's own parser on every vector. */
  @Test
  void ssh_keygen_accepts_what_we_accept_and_refuses_what_we_call_malformed(@TempDir Path dir)
      throws Exception {
    assumeTrue(run("ssh-keygen", "-?") != -1, "ssh-keygen not installed");
    int i = 0;
    for (String key : acceptedKeys()) {
      SshKeys.validate(key);
      Path f = dir.resolve("ok" + i++ + ".pub");
      Files.writeString(f, key + "\n");
      assertThat(run("ssh-keygen", "-l", "-f", f.toString())).as(key).isZero();
    }
    for (String key : malformedKeys().keySet()) {
      Path f = dir.resolve("bad" + i++ + ".pub");
      Files.writeString(f, key + "\n");
      assertThat(run("ssh-keygen", "-l", "-f", f.toString())).as(key).isNotZero();
    }
  }

  /** Exit code, or -1 when the program is missing. */
  private static int run(String... command) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return p.exitValue();
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void type_names_come_from_the_protocol() {
    assertThat(SshKeys.KNOWN_TYPES)
        .containsExactly(
            "ssh-ed25519",
            "ssh-rsa",
            "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");
  }
}
