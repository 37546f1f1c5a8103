package dev.market.server.domain.validation;

import dev.market.server.domain.DomainException;
import java.nio.charset.StandardCharsets;

/** Size caps of docs/protocol.md section 9, in one place so handlers and tests agree. */
public final class Limits {
  /** Request bodies above this answer 413. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  public static final int REQUEST_MEMO_CHARS = 1_000;
  public static final int OPERATING_SYSTEM_CHARS = 200;
  public static final int BUYER_ADDRESS_CHARS = 200;
  public static final int CONTACT_CHARS = 200;

  /** Memo of a respond (accept/reject) or a cancel. */
  public static final int REASON_MEMO_CHARS = 1_000;

  /** The provisioning {@code instanceDetails} string, UTF-8 bytes (docs/protocol.md section 7). */
  public static final int INSTANCE_DETAILS_BYTES = 8 * 1024;

  /** Generous for a 16384-bit RSA key with a long comment. */
  public static final int SSH_PUBKEY_CHARS = dev.market.protocol.validation.SshPublicKeys.MAX_CHARS;

  /** Short free text of an offering: its offering_id and offer_name. */
  public static final int SHORT_TEXT_CHARS = 200;

  /** The {@code Idempotency-Key} header of docs/protocol.md section 8. */
  public static final int IDEMPOTENCY_KEY_CHARS = 255;

  /** Rental length without {@code duration_hours} (docs/protocol.md section 4). */
  public static final long DEFAULT_DURATION_HOURS = 720;

  private Limits() {}

  /**
   * Refuses text longer than {@code max} characters (Unicode code points, so an emoji counts once).
   * Null passes: optional fields are checked only when present.
   */
  public static String checkChars(String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw DomainException.invalid(
          field, "at most " + max + " characters, got " + value.codePointCount(0, value.length()));
    }
    return value;
  }

  /** Refuses text whose UTF-8 encoding is longer than {@code max} bytes. Null passes. */
  public static String checkUtf8Bytes(String field, String value, int max) {
    if (value != null) {
      int bytes = value.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > max) {
        throw DomainException.invalid(field, "at most " + max + " bytes, got " + bytes);
      }
    }
    return value;
  }
}
