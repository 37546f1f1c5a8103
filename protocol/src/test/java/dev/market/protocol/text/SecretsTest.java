package dev.market.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {
  @Test
  void drops_secret_members_at_any_depth_and_masks_passwords_in_strings() {
    assertThat(
            Secrets.redact(
                "{\"ip_address\":\"10.0.0.5\",\"root_password\":\"hunter2\","
                    + "\"additional_details\":{\"db\":{\"adminPassword\":\"x1\",\"port\":5432},"
                    + "\"note\":\"vnc password: abc123\",\"api_token\":\"t\"}}"))
        .isEqualTo(
            "{\"ip_address\":\"10.0.0.5\",\"additional_details\":{\"db\":{\"port\":5432},"
                + "\"note\":\"vnc password: ***\"}}");
  }

  @Test
  void leaves_text_without_secrets_byte_for_byte() {
    String details = "{ \"ip_address\": \"10.0.0.5\", \"ssh_port\": 22 }";
    assertThat(Secrets.redact(details)).isSameAs(details);
    assertThat(Secrets.redact("use the debian user")).isEqualTo("use the debian user");
    assertThat(Secrets.redact(null)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "login root, password: S3cret!x | login root, password: ***",
        "root_password=abc def | root_password=*** def",
        "The password is hunter2. | The password is ***",
        "{\"root_password\": \"abc | {\"root_password\": ***",
        "token: 'a b c' ok | token: *** ok",
        "passphrase=xyz; next | passphrase=***; next"
      })
  void masks_the_value_after_a_password_like_word(String text, String expected) {
    assertThat(Secrets.redact(text)).isEqualTo(expected);
  }
}
