package dev.market.client.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.MarketClient;
import dev.market.client.error.ConflictException;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.NotFoundException;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Account;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.domain.ContractService;
import dev.market.server.domain.EpochNanos;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Accounts and the verified-email rule, through client-core against the real server. */
class AccountsTest {
  private final List<AutoCloseable> open = new ArrayList<>();
  private TestServer server;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private TestServer start(boolean requireVerifiedEmail) {
    server =
        TestServer.start(
            TestDatabases.freshSqlite(),
            requireVerifiedEmail ? b -> b.requireVerifiedEmail(true) : UnaryOperator.identity());
    open.add(server);
    return server;
  }

  private MarketClient client(Identity id) {
    MarketClient c =
        MarketClient.builder()
            .baseUrl(server.baseUrl)
            .identity(id)
            .clock(server.clock)
            .maxAttempts(1)
            .build();
    open.add(c);
    return c;
  }

  @Test
  void a_registered_account_is_shown_to_its_key_with_its_email_and_unverified() {
    start(false);
    Identity alice = Ids.of("acct-alice");
    MarketClient client = client(alice);
    assertThat(client.accounts().mine()).isEmpty();

    Account made = client.accounts().register("Alice.B", "alice@example.org");

    assertThat(made.username()).isEqualTo("Alice.B");
    assertThat(made.email()).isEqualTo("alice@example.org");
    assertThat(made.verified()).isFalse();
    assertThat(made.publicKeys())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.publicKey()).isEqualTo(alice.publicKeyHex());
              assertThat(k.isActive()).isTrue();
            });
    assertThat(made.createdAt()).isEqualTo(EpochNanos.now(server.clock));
    Account mine = client.accounts().mine().orElseThrow();
    assertThat(mine).isEqualTo(made);
    // by name, ignoring case, unsigned: the address stays private on our server
    Account byName = client(null).accounts().byUsername("alice.b");
    assertThat(byName.username()).isEqualTo("Alice.B");
    assertThat(byName.email()).isNull();
    assertThat(byName.id()).isEqualTo(made.id());
  }

  @Test
  void a_taken_username_in_any_case_and_a_second_account_for_a_key_are_conflicts() {
    start(false);
    client(Ids.of("acct-first")).accounts().register("carol", "carol@example.org");
    MarketClient second = client(Ids.of("acct-second"));

    assertThatThrownBy(() -> second.accounts().register("CAROL", "c2@example.org"))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("conflict");
              assertThat(e.serverMessage()).isEqualTo("username 'CAROL' is already taken");
            });
    assertThatThrownBy(
            () -> client(Ids.of("acct-first")).accounts().register("carol2", "c@example.org"))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> assertThat(e.serverMessage()).isEqualTo("this key already has an account: carol"));
    assertThat(second.accounts().mine()).isEmpty();
  }

  @Test
  void a_bad_username_or_address_is_invalid_naming_the_field_and_creates_nothing() {
    start(false);
    MarketClient c = client(Ids.of("acct-bad"));

    assertThatThrownBy(() -> c.accounts().register("ab", "ab@example.org"))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).serverMessage())
        .isEqualTo("username: must be at least 3 characters");
    assertThatThrownBy(() -> c.accounts().register("-dash", "d@example.org"))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).serverMessage())
        .isEqualTo(
            "username: must start and end with a letter or digit and contain only letters,"
                + " digits, '.', '_', '-' or '@'");
    assertThatThrownBy(() -> c.accounts().register("Admin", "a@example.org"))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).serverMessage())
        .isEqualTo("username: 'Admin' is reserved");
    assertThatThrownBy(() -> c.accounts().register("dave", "dave@localhost"))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).serverMessage())
        .isEqualTo("email: not an e-mail address: expected name@example.org");
    assertThat(c.accounts().mine()).isEmpty();
  }

  @Test
  void a_body_naming_another_key_is_forbidden() {
    start(false);
    Identity signer = Ids.of("acct-signer");
    Raw.Reply r =
        new Raw(server)
            .post(
                signer,
                "/api/v1/accounts",
                "{\"username\":\"eve\",\"email\":\"eve@example.org\",\"publicKey\":\""
                    + Ids.of("acct-victim").publicKeyHex()
                    + "\"}");

    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.code()).isEqualTo("forbidden");
    assertThatThrownBy(() -> client(null).accounts().byUsername("eve"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void with_the_setting_on_only_a_verified_account_rents() {
    start(true);
    Market m = new Market(server);
    Identity provider = Ids.of("acct-provider");
    long offering = m.publish(provider, "v-1", "7.2");
    Identity renter = Ids.of("acct-renter");
    m.fundAtLeast(renter, 1_000 * Market.E9);
    MarketClient client = client(renter);
    RentalRequest rent =
        new RentalRequest(offering, Ids.SSH_ED25519, "wallet", 10L, null, "mine", null, null);

    assertThatThrownBy(() -> client.rentals().create(rent))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("email_not_verified");
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.serverMessage()).isEqualTo(ContractService.NO_ACCOUNT);
            });
    client.accounts().register("renter1", "renter1@example.org");
    assertThatThrownBy(() -> client.rentals().create(rent))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("email_not_verified");
              // Decent Cloud's own words (api/src/openapi/contracts.rs:666)
              assertThat(e.serverMessage())
                  .isEqualTo(
                      "Email verification required. Please verify your email address before"
                          + " creating rentals. Check your inbox for the verification link.");
            });
    assertThat(client.rentals().list()).isEmpty();
    assertThat(m.balance(renter)).isEqualTo(1_000 * Market.E9);

    assertThat(server.server.accounts().markVerified("RENTER1")).isTrue();

    assertThat(client.accounts().mine().orElseThrow().verified()).isTrue();
    String id = client.rentals().create(rent).contractId();
    assertThat(client.rentals().list())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.contractId()).isEqualTo(id);
            });
  }

  @Test
  void without_the_setting_an_account_is_not_needed_to_rent() {
    start(false);
    Market m = new Market(server);
    long offering = m.publish(Ids.of("acct-p2"), "v-2", "7.2");
    Identity renter = Ids.of("acct-r2");
    m.fundAtLeast(renter, 1_000 * Market.E9);

    String id =
        client(renter)
            .rentals()
            .create(
                new RentalRequest(offering, Ids.SSH_ED25519, "wallet", 10L, null, null, null, null))
            .contractId();

    assertThat(m.status(id)).isEqualTo("pending");
  }

  @Test
  void an_offering_with_only_the_fields_without_a_default_is_published_with_decent_clouds_set() {
    start(false);
    MarketClient provider = client(Ids.of("acct-publisher"));

    long id =
        provider
            .offerings()
            .create(
                Offering.builder()
                    .offeringId("min-1")
                    .offerName("Minimal")
                    .productType("compute")
                    .currency("USD")
                    .monthlyPrice(new BigDecimal("5"))
                    .build());

    Offering o = provider.offerings().get(id);
    assertThat(o.billingUnit()).isEqualTo("month");
    assertThat(o.isSubscription()).isFalse();
    assertThat(o.billingInterval()).isEqualTo("monthly");
    assertThat(o.setupFee()).isEqualByComparingTo("0");
    assertThat(o.visibility()).isEqualTo("public");
    assertThat(o.stockStatus()).isEqualTo("in_stock");
    assertThat(o.unmeteredBandwidth()).isFalse();
    assertThat(o.isDraft()).isFalse();
    // "" is Decent Cloud's "not said" for the datacenter; stored here as absent
    assertThat(o.datacenterCountry()).isNull();
    assertThat(o.datacenterCity()).isNull();
  }
}
