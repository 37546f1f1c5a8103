package dev.market.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerConfigTest {
  @Test
  void defaults_are_the_protocols_and_a_db_password_never_prints() {
    ServerConfig c =
        ServerConfig.builder()
            .db("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true")
            .build();
    assertThat(c.port()).isEqualTo(8787);
    assertThat(c.maxBodyBytes()).isEqualTo(64 * 1024);
    assertThat(c.signerRentsPerMinute()).isEqualTo(60);
    assertThat(c.addressRequestBurst()).isEqualTo(600);
    assertThat(c.toString()).doesNotContain("hunter2").contains("password=***&ssl=true");
  }

  @Test
  void flags_parse_into_the_config_and_bad_values_name_the_flag() {
    ServerConfig c =
        ServerMain.parse(
            new String[] {
              "--port=0", "--db", "/tmp/x.db", "--demo", "--no-rate-limits", "--rent-rate", "5"
            });
    assertThat(c.port()).isZero();
    assertThat(c.db()).isEqualTo("/tmp/x.db");
    assertThat(c.demo()).isTrue();
    assertThat(c.rateLimitsEnabled()).isFalse();
    assertThat(c.signerRentsPerMinute()).isEqualTo(5);
    assertThatThrownBy(() -> ServerMain.parse(new String[] {"--port", "70000"}))
        .hasMessage("--port must be 0..65535, not 70000");
    assertThatThrownBy(() -> ServerMain.parse(new String[] {"--rent-burst", "x"}))
        .hasMessage("--rent-burst must be a whole number, not 'x'");
    assertThatThrownBy(() -> ServerMain.parse(new String[] {"--db"}))
        .hasMessage("--db needs a value");
  }

  @Test
  void the_default_database_lives_under_xdg_data_home_or_local_share() {
    assertThat(ServerConfig.defaultDb()).endsWith("/market/market.db");
  }
}
