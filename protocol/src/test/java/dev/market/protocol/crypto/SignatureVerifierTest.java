package dev.market.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.protocol.crypto.SignatureVerifier.Reason;
import dev.market.protocol.crypto.SignatureVerifier.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureVerifierTest {
  // the POST vector of vectors/signing.json
  private static final String PUB =
      "e96b1c6b8769fdb0b34fbecfdf85c33b053cecad9517e1ab88cba614335775c1";
  private static final String SIG =
      "341af86be9fbe59acbae5b3a84563fa837873c85a91c469166e293c5550b43a5"
          + "e1093458170ceef3a0978320f4ffdafd7d486ec65a3d33d6731ac847d0d3fe0e";
  private static final String TS = "1700000000000000000";
  private static final long TS_NANOS = 1_700_000_000_000_000_000L;
  private static final String NONCE = "123e4567-e89b-42d3-a456-426614174000";
  private static final String PATH = "/api/v1/contracts";
  private static final byte[] BODY =
      ("{\"offering_db_id\":42,\"ssh_pubkey\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UO"
              + "oqKLsabgH5C9okWi0dh2l9GKJl test@example\",\"duration_hours\":24,"
              + "\"payment_method\":\"wallet\"}")
          .getBytes(StandardCharsets.UTF_8);
  private static final long SECOND = 1_000_000_000L;

  private final SignatureVerifier verifier = new SignatureVerifier();

  private Verification verify(String pub, String sig, String ts, String nonce, long now) {
    return verifier.verify(pub, sig, ts, nonce, "POST", PATH, BODY, now);
  }

  private static void assertRefused(Verification v, Reason reason, int status, String message) {
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).isEqualTo(reason);
    assertThat(v.httpStatus()).isEqualTo(status);
    assertThat(v.message()).isEqualTo(message);
    assertThat(v.publicKeyHex()).isNull();
  }

  @Test
  void vector_request_is_accepted_with_its_public_key() {
    Verification v = verify(PUB, SIG, TS, NONCE, TS_NANOS);
    assertThat(v.ok()).isTrue();
    assertThat(v.reason()).isNull();
    assertThat(v.httpStatus()).isEqualTo(200);
    assertThat(v.publicKeyHex()).isEqualTo(PUB);
    assertThat(v.publicKey()).isEqualTo(Hex.decode(PUB));
  }

  @Test
  void upper_case_hex_key_and_signature_are_accepted_and_the_key_is_reported_lower_case() {
    Verification v =
        verify(PUB.toUpperCase(Locale.ROOT), SIG.toUpperCase(Locale.ROOT), TS, NONCE, TS_NANOS);
    assertThat(v.ok()).isTrue();
    assertThat(v.publicKeyHex()).isEqualTo(PUB);
  }

  @Test
  void nonce_is_verified_as_sent_so_changing_its_case_breaks_the_signature() {
    Verification v = verify(PUB, SIG, TS, NONCE.toUpperCase(Locale.ROOT), TS_NANOS);
    assertThat(v.reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void get_vector_with_null_body_is_accepted() {
    String sig =
        "9c85a1b7216e4826da320f51dde826078280b835efaad42d520e9a558f3dca3c"
            + "3bcd48a5b744da43481aaebf144edab56029977348966d9c00b95e43ee46bb04";
    Verification v =
        verifier.verify(
            PUB, sig, TS, NONCE, "GET", "/api/v1/provider/rental-requests/pending", null, TS_NANOS);
    assertThat(v.ok()).isTrue();
  }

  @Test
  void missing_public_key_is_401() {
    assertRefused(
        verify(null, SIG, TS, NONCE, TS_NANOS),
        Reason.MISSING_HEADER,
        401,
        "missing header X-Public-Key");
  }

  @Test
  void missing_signature_is_401() {
    assertRefused(
        verify(PUB, null, TS, NONCE, TS_NANOS),
        Reason.MISSING_HEADER,
        401,
        "missing header X-Signature");
  }

  @Test
  void missing_timestamp_is_401() {
    assertRefused(
        verify(PUB, SIG, null, NONCE, TS_NANOS),
        Reason.MISSING_HEADER,
        401,
        "missing header X-Timestamp");
  }

  @Test
  void missing_nonce_is_401() {
    assertRefused(
        verify(PUB, SIG, TS, null, TS_NANOS), Reason.MISSING_HEADER, 401, "missing header X-Nonce");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "e96b1c6b",
        "e96b1c6b8769fdb0b34fbecfdf85c33b053cecad9517e1ab88cba614335775c1aa",
        "g96b1c6b8769fdb0b34fbecfdf85c33b053cecad9517e1ab88cba614335775c1",
        " e96b1c6b8769fdb0b34fbecfdf85c33b053cecad9517e1ab88cba614335775c"
      })
  void malformed_public_key_is_400(String pub) {
    assertRefused(
        verify(pub, SIG, TS, NONCE, TS_NANOS),
        Reason.MALFORMED_PUBLIC_KEY,
        400,
        "X-Public-Key must be 64 hex characters (a 32-byte Ed25519 key)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "341af86b", "zz", SIG + "00"})
  void malformed_signature_is_400(String sig) {
    assertRefused(
        verify(PUB, sig, TS, NONCE, TS_NANOS),
        Reason.MALFORMED_SIGNATURE,
        400,
        "X-Signature must be 128 hex characters (a 64-byte signature)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "-1700000000000000000",
        "+1700000000000000000",
        "1.7e18",
        "17000 0",
        "99999999999999999999",
        "9223372036854775808"
      })
  void malformed_timestamp_is_400(String ts) {
    assertRefused(
        verify(PUB, SIG, ts, NONCE, TS_NANOS),
        Reason.MALFORMED_TIMESTAMP,
        400,
        "X-Timestamp must be Unix time in nanoseconds (decimal digits)");
  }

  @Test
  void timestamp_299_seconds_either_way_is_accepted() {
    assertThat(verify(PUB, SIG, TS, NONCE, TS_NANOS + 299 * SECOND).ok()).isTrue();
    assertThat(verify(PUB, SIG, TS, NONCE, TS_NANOS - 299 * SECOND).ok()).isTrue();
  }

  @Test
  void timestamp_exactly_300_seconds_away_is_still_within_the_window() {
    assertThat(verify(PUB, SIG, TS, NONCE, TS_NANOS + 300 * SECOND).ok()).isTrue();
    assertThat(verify(PUB, SIG, TS, NONCE, TS_NANOS - 300 * SECOND).ok()).isTrue();
  }

  @Test
  void timestamp_one_nanosecond_past_300_seconds_is_stale() {
    assertThat(verify(PUB, SIG, TS, NONCE, TS_NANOS + 300 * SECOND + 1).reason())
        .isEqualTo(Reason.STALE_TIMESTAMP);
  }

  @Test
  void timestamp_301_seconds_in_the_past_or_future_is_stale_401() {
    String message = "X-Timestamp is more than 300 s away from server time; check the clock";
    assertRefused(
        verify(PUB, SIG, TS, NONCE, TS_NANOS + 301 * SECOND), Reason.STALE_TIMESTAMP, 401, message);
    assertRefused(
        verify(PUB, SIG, TS, NONCE, TS_NANOS - 301 * SECOND), Reason.STALE_TIMESTAMP, 401, message);
  }

  @Test
  void extreme_clock_values_are_stale_not_an_overflow() {
    assertThat(verify(PUB, SIG, "9223372036854775807", NONCE, -1).reason())
        .isEqualTo(Reason.STALE_TIMESTAMP);
    assertThat(verify(PUB, SIG, "0", NONCE, Long.MIN_VALUE).reason())
        .isEqualTo(Reason.STALE_TIMESTAMP);
    assertThat(verify(PUB, SIG, "9223372036854775807", NONCE, Long.MIN_VALUE).reason())
        .isEqualTo(Reason.STALE_TIMESTAMP);
  }

  @Test
  void a_narrower_configured_window_applies() {
    SignatureVerifier strict = new SignatureVerifier(Duration.ofSeconds(30));
    assertThat(strict.verify(PUB, SIG, TS, NONCE, "POST", PATH, BODY, TS_NANOS + 30 * SECOND).ok())
        .isTrue();
    Verification late =
        strict.verify(PUB, SIG, TS, NONCE, "POST", PATH, BODY, TS_NANOS + 31 * SECOND);
    assertThat(late.reason()).isEqualTo(Reason.STALE_TIMESTAMP);
    assertThat(late.message())
        .isEqualTo("X-Timestamp is more than 30 s away from server time; check the clock");
    assertThatThrownBy(() -> new SignatureVerifier(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not-a-uuid",
        "1-2-3-4-5",
        "123e4567e89b42d3a456426614174000",
        "{123e4567-e89b-42d3-a456-426614174000}",
        "123e4567-e89b-42d3-a456-42661417400g",
        "123e4567-e89b-42d3-a456-4266141740000"
      })
  void malformed_nonce_is_400(String nonce) {
    assertRefused(
        verify(PUB, SIG, TS, nonce, TS_NANOS),
        Reason.MALFORMED_NONCE,
        400,
        "X-Nonce must be a UUID (8-4-4-4-12 hex digits)");
  }

  @Test
  void signature_over_other_bytes_is_401() {
    String expected =
        "X-Signature does not verify for this key over timestamp, nonce, method, path and body";
    byte[] otherBody = BODY.clone();
    otherBody[otherBody.length - 3] ^= 1;
    assertRefused(
        verifier.verify(PUB, SIG, TS, NONCE, "POST", PATH, otherBody, TS_NANOS),
        Reason.BAD_SIGNATURE,
        401,
        expected);
    assertRefused(
        verifier.verify(PUB, SIG, TS, NONCE, "PUT", PATH, BODY, TS_NANOS),
        Reason.BAD_SIGNATURE,
        401,
        expected);
    assertRefused(
        verifier.verify(PUB, SIG, TS, NONCE, "POST", PATH + "/", BODY, TS_NANOS),
        Reason.BAD_SIGNATURE,
        401,
        expected);
    assertRefused(
        verifier.verify(PUB, SIG, "1700000000000000001", NONCE, "POST", PATH, BODY, TS_NANOS),
        Reason.BAD_SIGNATURE,
        401,
        expected);
    assertRefused(
        verifier.verify(
            PUB, SIG, TS, "123e4567-e89b-42d3-a456-426614174001", "POST", PATH, BODY, TS_NANOS),
        Reason.BAD_SIGNATURE,
        401,
        expected);
  }

  @Test
  void another_key_is_401() {
    String other = Identity.fromSecret(new byte[32]).publicKeyHex();
    assertThat(verify(other, SIG, TS, NONCE, TS_NANOS).reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void a_key_that_is_no_curve_point_is_401_not_an_exception() {
    // y = 2 has no x on edwards25519
    String notAPoint = "02" + "00".repeat(31);
    assertThat(verify(notAPoint, SIG, TS, NONCE, TS_NANOS).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void checks_run_in_protocol_order() {
    // everything wrong: the public key is reported first
    assertThat(verify("xx", "yy", "zz", "ww", 0).reason()).isEqualTo(Reason.MALFORMED_PUBLIC_KEY);
    // key fine: the signature is next
    assertThat(verify(PUB, "yy", "zz", "ww", 0).reason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
    // then the timestamp, before the nonce
    assertThat(verify(PUB, SIG, "zz", "ww", 0).reason()).isEqualTo(Reason.MALFORMED_TIMESTAMP);
    assertThat(verify(PUB, SIG, TS, "ww", 0).reason()).isEqualTo(Reason.STALE_TIMESTAMP);
    assertThat(verify(PUB, SIG, TS, "ww", TS_NANOS).reason()).isEqualTo(Reason.MALFORMED_NONCE);
    // a stale timestamp is reported before a missing nonce
    assertThat(verify(PUB, SIG, TS, null, 0).reason()).isEqualTo(Reason.STALE_TIMESTAMP);
  }

  @Test
  void every_reason_has_its_protocol_status() {
    assertThat(Reason.MISSING_HEADER.httpStatus()).isEqualTo(401);
    assertThat(Reason.MALFORMED_PUBLIC_KEY.httpStatus()).isEqualTo(400);
    assertThat(Reason.MALFORMED_SIGNATURE.httpStatus()).isEqualTo(400);
    assertThat(Reason.MALFORMED_TIMESTAMP.httpStatus()).isEqualTo(400);
    assertThat(Reason.STALE_TIMESTAMP.httpStatus()).isEqualTo(401);
    assertThat(Reason.MALFORMED_NONCE.httpStatus()).isEqualTo(400);
    assertThat(Reason.BAD_SIGNATURE.httpStatus()).isEqualTo(401);
    assertThat(Reason.values()).hasSize(7);
  }

  @Test
  void refused_verification_has_no_public_key() {
    Verification v = verify(PUB, SIG, TS, NONCE, 0);
    assertThatThrownBy(v::publicKey).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void messages_never_echo_header_values() {
    String evil = "\u001b[31mevil";
    for (Verification v :
        new Verification[] {
          verify(evil, SIG, TS, NONCE, TS_NANOS),
          verify(PUB, evil, TS, NONCE, TS_NANOS),
          verify(PUB, SIG, evil, NONCE, TS_NANOS),
          verify(PUB, SIG, TS, evil, TS_NANOS)
        }) {
      assertThat(v.message()).doesNotContain("evil");
    }
  }
}
