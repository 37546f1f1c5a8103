package dev.market.server.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.server.domain.DomainException;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void the_caps_are_those_of_the_protocol() {
    assertThat(Limits.REQUEST_MEMO_CHARS).isEqualTo(1_000);
    assertThat(Limits.OPERATING_SYSTEM_CHARS).isEqualTo(200);
    assertThat(Limits.BUYER_ADDRESS_CHARS).isEqualTo(200);
    assertThat(Limits.REASON_MEMO_CHARS).isEqualTo(1_000);
    assertThat(Limits.INSTANCE_DETAILS_BYTES).isEqualTo(8_192);
    assertThat(Limits.MAX_BODY_BYTES).isEqualTo(65_536);
    assertThat(Limits.SHORT_TEXT_CHARS).isEqualTo(200);
    assertThat(Limits.IDEMPOTENCY_KEY_CHARS).isEqualTo(255);
    assertThat(Limits.DEFAULT_DURATION_HOURS).isEqualTo(720);
  }

  @Test
  void a_memo_of_exactly_the_cap_passes_and_one_more_character_is_refused() {
    String memo = "m".repeat(1_000);
    assertThat(Limits.checkChars("request_memo", memo, Limits.REQUEST_MEMO_CHARS)).isSameAs(memo);
    assertThatThrownBy(
            () -> Limits.checkChars("request_memo", memo + "m", Limits.REQUEST_MEMO_CHARS))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("request_memo: at most 1000 characters, got 1001")
        .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("request_memo"));
  }

  @Test
  void characters_are_code_points_so_emoji_count_once() {
    String emoji = "\uD83D\uDE80".repeat(200); // 200 rockets, 400 UTF-16 units
    assertThat(Limits.checkChars("operating_system", emoji, Limits.OPERATING_SYSTEM_CHARS))
        .isSameAs(emoji);
  }

  @Test
  void instance_details_are_capped_in_utf8_bytes() {
    String details = "\u00e9".repeat(4_096); // 8192 bytes
    assertThat(Limits.checkUtf8Bytes("instanceDetails", details, Limits.INSTANCE_DETAILS_BYTES))
        .isSameAs(details);
    assertThatThrownBy(
            () ->
                Limits.checkUtf8Bytes(
                    "instanceDetails", details + "x", Limits.INSTANCE_DETAILS_BYTES))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("instanceDetails: at most 8192 bytes, got 8193");
  }

  @Test
  void absent_optional_values_pass() {
    assertThat(Limits.checkChars("buyer_address", null, 200)).isNull();
    assertThat(Limits.checkUtf8Bytes("instanceDetails", null, 8)).isNull();
  }
}
