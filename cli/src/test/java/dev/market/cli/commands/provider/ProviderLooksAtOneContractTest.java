package dev.market.cli.commands.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalRequest;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, providers: {@code status}, {@code events} and {@code contracts ID} work for the
 * contracts one provides, by full id or prefix, and show the provider nothing it may not see.
 */
class ProviderLooksAtOneContractTest {
  @TempDir java.nio.file.Path dir;
  MarketFixture market;
  CliRunner provider;
  long vm;

  @BeforeEach
  void setUp() {
    market = new MarketFixture(dir);
    provider = market.cli("provider");
    vm = market.offering("vm-small", "Small VM", "7.20");
  }

  @AfterEach
  void tearDown() {
    market.close();
  }

  @Test
  void status_by_prefix_shows_a_contract_the_user_provides() {
    String id = market.rent(vm, 24, "email:alice@example.com", null);

    Result r = provider.run("status", id.substring(0, 12));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("contract:  " + id + "\nstatus:    pending\n");
    assertThat(r.out()).contains("\ncontact:   email:alice@example.com\n");
  }

  @Test
  void status_wait_by_prefix_works_for_the_provider() {
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);

    Result r = provider.run("status", id.substring(0, 10), "--wait", "accepted", "-o", "ids");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(id + "\n");
  }

  @Test
  void events_by_prefix_shows_the_history_of_a_contract_the_user_provides() {
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);

    Result r = provider.run("events", id.substring(0, 12), "-o", "ids");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).hasSize(3);
  }

  @Test
  void contracts_with_an_id_shows_that_one_contract_in_every_format() throws Exception {
    String id = market.rent(vm, 24, null, "please");
    market.rent(vm, 48, null, null);

    Result table = provider.run("contracts", id.substring(0, 12));
    Result json = provider.run("contracts", id.substring(0, 12), "-o", "json");
    Result ids = provider.run("contracts", id, "-o", "ids");

    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out()).startsWith("contract:  " + id + "\nstatus:    pending\n");
    assertThat(table.out()).contains("\nmemo:      please\n");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(Json.mapper().readTree(json.out()).get("contract_id").asText()).isEqualTo(id);
    assertThat(ids.out()).isEqualTo(id + "\n");
  }

  @Test
  void contracts_with_an_id_and_status_is_a_usage_error() {
    String id = market.rent(vm, 24, null, null);

    Result r = provider.run("contracts", id, "--status", "pending");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: contracts: --status filters the list; it does not apply to one contract
            hint: market contracts --status pending
            """);
  }

  @Test
  void a_user_who_both_rents_and_provides_resolves_prefixes_among_both() {
    // the renter also provides: its own offering rented by the stranger
    long own =
        market
            .client(market.renter)
            .offerings()
            .create(
                Offering.builder()
                    .offeringId("renter-vm")
                    .offerName("Renter VM")
                    .productType("compute")
                    .currency("USD")
                    .monthlyPrice(new BigDecimal("1"))
                    .build());
    String rented = market.rent(vm, 24, null, null);
    String provided =
        market
            .client(market.stranger)
            .rentals()
            .create(
                new RentalRequest(
                    own,
                    MarketFixture.sshKey(market.stranger),
                    "test",
                    24L,
                    null,
                    null,
                    null,
                    null))
            .contractId();
    CliRunner both = market.cli("renter");

    Result asRenter = both.run("status", rented.substring(0, 12), "-o", "ids");
    Result asProvider = both.run("status", provided.substring(0, 12), "-o", "ids");

    assertThat(asRenter.exitCode()).as(asRenter.toString()).isZero();
    assertThat(asRenter.out()).isEqualTo(rented + "\n");
    assertThat(asProvider.exitCode()).as(asProvider.toString()).isZero();
    assertThat(asProvider.out()).isEqualTo(provided + "\n");
  }

  @Test
  void a_stranger_prefix_matches_nothing_exit_3_naming_both_sides() {
    String id = market.rent(vm, 24, null, null);

    Result r = market.cli("stranger").run("status", id.substring(0, 12));

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "error: status '"
                + id.substring(0, 12)
                + "': none of your rentals or contracts as provider has an id starting so\n"
                + "hint: market rentals -o ids; market contracts -o ids\n");
  }

  @Test
  void the_provider_sees_no_password_and_may_not_fetch_credentials() {
    String password = "correct horse battery staple";
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);
    provider.run("provision", id, "--start");
    provider.runWithStdin(
        password + "\n", "provision", id, "--done", "--ip", "203.0.113.7", "--password-stdin");

    Result status = provider.run("status", id.substring(0, 12), "-o", "json");
    Result events = provider.run("events", id.substring(0, 12), "-o", "json");
    Result contract = provider.run("contracts", id.substring(0, 12));
    Result credentials = provider.run("credentials", id.substring(0, 12));

    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(events.exitCode()).as(events.toString()).isZero();
    assertThat(contract.exitCode()).as(contract.toString()).isZero();
    assertThat(status.out() + events.out() + contract.out())
        .contains("203.0.113.7")
        .doesNotContain(password)
        .doesNotContain("root_password");
    assertThat(credentials.exitCode()).as(credentials.toString()).isNotZero();
    assertThat(credentials.out()).isEmpty();
    assertThat(credentials.err()).doesNotContain(password);
  }
}
