package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.client.Provisioning;
import dev.market.protocol.model.InstanceDetails;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hints fit the rental's state: an ended rental is never something to wait for or connect to. */
class StateHintsTest {
  @TempDir Path dir;
  MarketFixture market;
  CliRunner renter;
  long offering;

  @BeforeEach
  void setUp() {
    market = new MarketFixture(dir);
    renter = market.cli("renter");
    offering = market.offering("hint-1", "Hint VPS", "5");
  }

  @AfterEach
  void tearDown() {
    market.close();
  }

  private String rejected() {
    String id = market.rent(offering, 2, "email:a@example.com", null);
    market.client(market.provider).provider().reject(id, "no capacity");
    return id;
  }

  @Test
  void connect_on_a_rejected_rental_says_it_ended_instead_of_suggesting_a_wait() {
    String id = rejected();

    Result r = renter.run("connect", id);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: connect contract "
                + id.substring(0, 12)
                + ": it is rejected, so there is no machine to connect to\n"
                + "hint: market events "
                + id
                + "   (how it ended)\n");
  }

  @Test
  void connect_on_a_cancelled_rental_prints_no_ssh_command_and_fails() {
    String id = market.rent(offering, 2, "email:a@example.com", null);
    var provider = market.client(market.provider).provider();
    provider.accept(id, null);
    provider.provision(id, Provisioning.started());
    provider.provision(
        id, Provisioning.done(new InstanceDetails("192.0.2.9", null, 22, "root", null, null)));
    market.client(market.renter).rentals().cancel(id, "done with it");

    Result r = renter.run("connect", id);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "error: connect contract "
                + id.substring(0, 12)
                + ": it is cancelled, so there is no machine to connect to\n");
  }

  @Test
  void credentials_on_a_rejected_rental_name_its_state_not_other_renters() {
    String id = rejected();

    Result r = renter.run("credentials", id);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: credentials for contract "
                + id.substring(0, 12)
                + ": there are none: it is rejected and no password was sent\n"
                + "hint: market events "
                + id
                + "   (how it ended)\n");
  }

  @Test
  void credentials_before_provisioning_suggest_waiting_for_it() {
    String id = market.rent(offering, 2, "email:a@example.com", null);

    Result r = renter.run("credentials", id);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .endsWith("hint: market status " + id + " --wait provisioned\n")
        .contains("none yet: it is ");
  }
}
