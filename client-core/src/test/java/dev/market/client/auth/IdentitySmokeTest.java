package dev.market.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentitySmokeTest {
  @Test
  void abandon_about_derives_the_protocol_public_key() {
    Identity id =
        Identity.fromMnemonic(
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
    assertThat(id.publicKeyHex())
        .isEqualTo("e96b1c6b8769fdb0b34fbecfdf85c33b053cecad9517e1ab88cba614335775c1");
    assertThat(id.toString()).doesNotContain("560f9f3c");
  }
}
