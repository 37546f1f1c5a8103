package dev.market.cli.commands.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.market.cli.support.MarketFixture;
import dev.market.protocol.crypto.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH KEY column of {@code market requests}: the fingerprint {@code ssh-keygen -lf} shows. */
class SshKeyColumnTest {
  @TempDir Path dir;

  @Test
  void the_column_starts_with_the_fingerprint_ssh_keygen_prints() throws Exception {
    String key = MarketFixture.sshKey(Identity.fromMnemonic(MarketFixture.RENTER_PHRASE));
    Path file = dir.resolve("key.pub");
    Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    Process p;
    try {
      p =
          new ProcessBuilder("ssh-keygen", "-lf", file.toString())
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "ssh-keygen is not installed");
      return;
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // "256 SHA256:<43 characters> test (ED25519)"
    String fingerprint =
        printed.substring(
            printed.indexOf("SHA256:"), printed.indexOf(" ", printed.indexOf("SHA256:")));

    assertThat(ProviderView.sshKey(key))
        .isEqualTo("ed25519 " + fingerprint.substring(0, "SHA256:".length() + 8) + "…");
  }

  @Test
  void a_line_that_is_not_an_openssh_key_shows_its_start_only() {
    assertThat(ProviderView.sshKey("not-a-key-but-a-long-line")).isEqualTo("not-a-key-but-a-…");
    assertThat(ProviderView.sshKey("ssh-ed25519 !!notbase64!!")).isEqualTo("ssh-ed25519 !!no…");
    assertThat(ProviderView.sshKey(null)).isEmpty();
  }
}
