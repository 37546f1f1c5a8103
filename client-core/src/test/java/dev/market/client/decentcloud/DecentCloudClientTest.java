package dev.market.client.decentcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.market.client.AwaitResult;
import dev.market.client.ConnectionInfo;
import dev.market.client.MarketClient;
import dev.market.client.OfferingQuery;
import dev.market.client.error.ConflictException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.InsufficientFundsException;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.MarketException;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.OutcomeUnknownException;
import dev.market.client.error.RateLimitedException;
import dev.market.client.error.UnauthorizedException;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Account;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.LedgerEntry;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import dev.market.protocol.model.Wallet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** client-core against the Decent Cloud fake: what our own server cannot show. */
class DecentCloudClientTest {
  static final Identity RENTER =
      Identity.fromMnemonic(
          "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
              + " abandon about");
  static final Identity PROVIDER =
      Identity.fromMnemonic(
          "legal winner thank year wave sausage worth useful legal winner thank yellow");
  static final String SSH =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop";

  final MutableClock clock = new MutableClock();
  final DecentCloudFake dc = new DecentCloudFake(clock);
  final MarketClient renter = client(RENTER);

  @AfterEach
  void close() {
    renter.close();
    dc.close();
  }

  MarketClient client(Identity id) {
    return MarketClient.builder()
        .baseUrl(dc.url())
        .identity(id)
        .clock(clock)
        .maxAttempts(2)
        .retryBaseDelay(Duration.ZERO)
        .maxRetryDelay(Duration.ZERO)
        .pollBackoff(Duration.ofMillis(1), Duration.ofMillis(1))
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  long offering() {
    return dc.addOffering(PROVIDER.publicKeyHex(), "vm-1", "Small VM", 7.2, true);
  }

  RentalRequest request(long offeringId, String memo) {
    return new RentalRequest(offeringId, SSH, "wallet", 10L, null, memo, null, null);
  }

  /**
   * One clock for the fake and the client, so "since the attempt" is exact: it runs with real time
   * (waits end) and jumps forward on {@link #advance}.
   */
  static final class MutableClock extends java.time.Clock {
    private final java.time.Instant start = java.time.Instant.now();
    private final long startNanos = System.nanoTime();
    private Duration offset = Duration.ZERO;

    synchronized void advance(Duration d) {
      offset = offset.plus(d);
    }

    @Override
    public synchronized java.time.Instant instant() {
      return start.plusNanos(System.nanoTime() - startNanos).plus(offset);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void a_paid_rental_is_auto_accepted_and_debits_the_wallet() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);

    RentalCreated created = renter.rentals().create(request(id, "mine"));

    Contract c = renter.rentals().get(created.contractId());
    assertThat(c.statusValue()).isEqualTo(ContractStatus.ACCEPTED);
    assertThat(c.paymentAmountE9s()).isEqualTo(100_000_000L); // 7.2 x 10 h / 720
    assertThat(dc.balance(RENTER.publicKeyHex())).isEqualTo(900_000_000L);
  }

  @Test
  void a_lost_answer_is_not_repeated_and_the_rental_is_found_among_the_newest() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    dc.dropNextResponse("POST", "/contracts");

    RentalCreated created = renter.rentals().create(request(id, "found me"));

    assertThat(dc.contracts()).hasSize(1);
    assertThat(created.contractId()).isEqualTo(dc.contracts().get(0).get("contract_id").asText());
    assertThat(dc.balance(RENTER.publicKeyHex())).isEqualTo(900_000_000L); // charged once
    assertThat(
            dc.requests().stream()
                .map(r -> r.getMethod() + " " + r.getUrl().encodedPath())
                .collect(Collectors.toList()))
        .containsExactly(
            "POST /api/v1/contracts",
            "GET /api/v1/health",
            "GET /api/v1/offerings/" + id,
            "GET /api/v1/users/" + RENTER.publicKeyHex() + "/contracts");
  }

  @Test
  void a_lost_answer_without_a_memo_matches_decent_clouds_default_memo() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    dc.dropNextResponse("POST", "/contracts");

    RentalCreated created = renter.rentals().create(request(id, null));

    assertThat(dc.contracts()).hasSize(1);
    assertThat(created.contractId()).isEqualTo(dc.contracts().get(0).get("contract_id").asText());
  }

  @Test
  void a_lost_answer_with_two_matching_rentals_is_reported_unknown_with_both() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    String first = renter.rentals().create(request(id, "same")).contractId();
    dc.verifyEmail(RENTER.publicKeyHex());
    clock.advance(Duration.ofSeconds(1));
    dc.dropNextResponse("POST", "/contracts");

    assertThatThrownBy(() -> renter.rentals().create(request(id, "same")))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.candidates()).hasSize(2).contains(first);
              assertThat(e.serverMessage()).contains("2 recent rentals match it");
            });
    assertThat(dc.contracts()).hasSize(2);
  }

  @Test
  void a_lost_refusal_is_not_mistaken_for_an_earlier_identical_rental() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    renter.rentals().create(request(id, "same"));
    clock.advance(Duration.ofMinutes(2));
    dc.dropNextResponse("POST", "/contracts"); // refused (email unverified), answer lost

    assertThatThrownBy(() -> renter.rentals().create(request(id, "same")))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.candidates()).isEmpty();
              assertThat(e.serverMessage())
                  .endsWith(
                      "; this marketplace does not honour Idempotency-Key, so the rent was not"
                          + " repeated; no matching rental was found yet");
            });
    assertThat(dc.contracts()).hasSize(1);
  }

  @Test
  void paging_returns_every_listed_offering_exactly_once() {
    // ids 1..40 by price; every third one has no agent pool and is filtered after the fetch
    for (int i = 1; i <= 40; i++) {
      dc.addOffering(PROVIDER.publicKeyHex(), "o" + i, "O" + i, i, i % 3 != 0);
    }

    List<Long> ids =
        renter.offerings().stream(OfferingQuery.builder().limit(4).build())
            .map(Offering::id)
            .toList();

    List<Long> visible =
        java.util.stream.LongStream.rangeClosed(1, 40).filter(i -> i % 3 != 0).boxed().toList();
    assertThat(ids).containsExactlyElementsOf(visible);
  }

  @ParameterizedTest
  @ValueSource(strings = {"expired", "cancelled", "canceled", "provisioningfailed", "rejected"})
  void a_terminal_decent_cloud_status_ends_the_wait_as_unreachable(String status) {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    String contract = renter.rentals().create(request(id, null)).contractId();
    dc.setStatus(contract, status);

    AwaitResult r = renter.rentals().await(contract, ContractStatus.ACTIVE, Duration.ofSeconds(5));

    assertThat(r.outcome()).isEqualTo(AwaitResult.Outcome.UNREACHABLE);
    assertThat(r.contract().status()).isEqualTo(status);
  }

  @Test
  void an_unknown_future_status_is_kept_verbatim_and_waited_through() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    String contract = renter.rentals().create(request(id, null)).contractId();
    dc.setStatus(contract, "Hibernating");

    Contract c = renter.rentals().get(contract);
    assertThat(c.status()).isEqualTo("Hibernating");
    assertThat(c.statusValue()).isEqualTo(ContractStatus.UNKNOWN);
    AwaitResult r = renter.rentals().await(contract, ContractStatus.ACTIVE, Duration.ofMillis(20));
    assertThat(r.outcome()).isEqualTo(AwaitResult.Outcome.TIMED_OUT);
  }

  @Test
  void the_agents_root_password_never_reaches_the_contract_but_decrypts_as_credentials() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    String contract = renter.rentals().create(request(id, null)).contractId();
    dc.provision(
        contract,
        "{\"external_id\":\"101\",\"ip_address\":\"10.0.0.5\",\"ipv6_address\":null,"
            + "\"ssh_port\":22,\"root_password\":\"hunter2-secret\","
            + "\"additional_details\":{\"hint\":\"admin panel password: Panel-Pass-9\"},"
            + "\"gateway_slug\":\"k7m2p4\",\"gateway_subdomain\":\"k7m2p4.dc-lk.decent-cloud.org\","
            + "\"gateway_ssh_port\":20022}");

    Contract c = renter.rentals().get(contract);

    assertThat(c.provisioningInstanceDetails())
        .doesNotContain("hunter2-secret")
        .doesNotContain("Panel-Pass-9")
        .doesNotContain("root_password")
        .contains("\"gateway_ssh_port\":20022");
    assertThat(c.statusValue()).isEqualTo(ContractStatus.ACTIVE); // auto-accept activates
    assertThat(ConnectionInfo.of(c))
        .isEqualTo(
            new ConnectionInfo(
                "k7m2p4.dc-lk.decent-cloud.org",
                20022,
                "root",
                true,
                "{\"hint\":\"admin panel password: ***\"}"));
    assertThat(renter.rentals().credentials(contract)).isEqualTo("hunter2-secret");
  }

  @Test
  void without_a_gateway_connect_uses_the_public_address() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    String contract = renter.rentals().create(request(id, null)).contractId();
    dc.provision(
        contract,
        "{\"external_id\":\"7\",\"ip_address\":\"10.1.2.3\",\"public_ip\":\"198.51.100.4\","
            + "\"ssh_port\":2222,\"root_password\":null,\"additional_details\":null}");

    ConnectionInfo info = ConnectionInfo.of(renter.rentals().get(contract));

    assertThat(info).isEqualTo(new ConnectionInfo("198.51.100.4", 2222, "root", false, null));
  }

  @Test
  void free_text_details_are_the_note_with_passwords_masked_and_no_address() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    String contract = renter.rentals().create(request(id, null)).contractId();
    dc.provision(contract, "Server 203.0.113.9, login root, password: S3cret!x");

    Contract c = renter.rentals().get(contract);

    assertThat(c.provisioningInstanceDetails())
        .isEqualTo("Server 203.0.113.9, login root, password: ***");
    assertThat(ConnectionInfo.of(c).host()).isNull();
  }

  @Test
  void an_unverified_account_cannot_rent_and_the_refusal_says_so() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    renter
        .rentals()
        .create(request(id, "first")); // keypair-only: allowed, and an unverified account appears

    assertThatThrownBy(() -> renter.rentals().create(request(id, "second")))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("email_not_verified");
              assertThat(e.serverMessage()).isEqualTo(DecentCloudFake.EMAIL_NOT_VERIFIED);
            });
  }

  @Test
  void a_short_wallet_is_a_refusal_coded_insufficient_funds() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1L);

    assertThatThrownBy(() -> renter.rentals().create(request(id, null)))
        .isInstanceOfSatisfying(
            InsufficientFundsException.class,
            e -> assertThat(e.code()).isEqualTo("insufficient_funds"));
    assertThat(dc.contracts())
        .singleElement()
        .satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("cancelled"));
  }

  @Test
  void a_429_without_content_type_is_rate_limited_with_its_retry_after() {
    dc.rateLimitNext(2);

    assertThatThrownBy(() -> renter.offerings().get(1))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
              assertThat(e.serverMessage())
                  .isEqualTo(DecentCloudFake.RATE_LIMITED + " (after 2 attempts)");
            });
  }

  @Test
  void someone_elses_contract_is_forbidden_and_an_unknown_one_not_found() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    String contract = renter.rentals().create(request(id, null)).contractId();
    try (MarketClient stranger =
        client(
            Identity.fromMnemonic(
                "letter advice cage absurd amount doctor acoustic avoid letter advice cage above"))) {
      assertThatThrownBy(() -> stranger.rentals().get(contract))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageEndingWith(": Unauthorized: you are not a party to this contract");
    }
    assertThatThrownBy(() -> renter.rentals().get("ab".repeat(32)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_signature_from_another_clock_is_unauthorized() {
    try (MarketClient late =
        MarketClient.builder()
            .baseUrl(dc.url())
            .identity(RENTER)
            .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(10)))
            .maxAttempts(1)
            .build()) {
      assertThatThrownBy(() -> late.rentals().list())
          .isInstanceOf(UnauthorizedException.class)
          .extracting(e -> ((MarketException) e).serverMessage())
          .isEqualTo("Request timestamp expired (max 5 minutes)");
    }
  }

  @Test
  void an_account_is_registered_and_shown_and_renting_waits_for_its_verification() {
    long id = offering();
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    assertThat(renter.accounts().mine()).isEmpty();

    Account made = renter.accounts().register("alice", "alice@example.org");

    assertThat(made.username()).isEqualTo("alice");
    assertThat(made.email()).isEqualTo("alice@example.org");
    assertThat(made.verified()).isFalse();
    assertThat(made.publicKeys())
        .singleElement()
        .satisfies(k -> assertThat(k.publicKey()).isEqualTo(RENTER.publicKeyHex()));
    assertThat(renter.accounts().mine()).contains(made);
    assertThat(renter.accounts().byUsername("ALICE").id()).isEqualTo(made.id());
    assertThatThrownBy(() -> renter.rentals().create(request(id, "first")))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("email_not_verified"));
    assertThat(dc.contracts()).isEmpty();

    dc.verifyEmail(RENTER.publicKeyHex());

    assertThat(renter.accounts().mine().orElseThrow().verified()).isTrue();
    renter.rentals().create(request(id, "first"));
    assertThat(dc.contracts()).hasSize(1);
    assertThat(dc.requests().get(1).getHeaders().get("X-Signature")).isNotNull(); // register
  }

  @Test
  void decent_clouds_account_refusals_map_to_conflict_and_invalid() {
    renter.accounts().register("bob", "bob@example.org");
    try (MarketClient other = client(PROVIDER)) {
      assertThatThrownBy(() -> other.accounts().register("BOB", "b2@example.org"))
          .isInstanceOfSatisfying(
              ConflictException.class,
              e -> assertThat(e.serverMessage()).isEqualTo("Username already taken"));
      assertThatThrownBy(() -> other.accounts().register("root", "r@example.org"))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.serverMessage()).isEqualTo("Username is reserved"));
      assertThatThrownBy(() -> other.accounts().register("carol", "carol@localhost"))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.serverMessage()).isEqualTo("Invalid email format"));
      assertThat(other.accounts().mine()).isEmpty();
    }
    assertThatThrownBy(() -> renter.accounts().register("bob2", "bob@example.org"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("duplicate key value violates unique constraint");
  }

  @Test
  void the_wallet_shows_decent_clouds_balance_and_ledger_newest_first() {
    long id = offering();
    assertThat(renter.wallet().show().balanceE9s()).isNull(); // before the first credit
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    String contract = renter.rentals().create(request(id, "mine")).contractId();

    Wallet w = renter.wallet().show();

    assertThat(w.balance()).isEqualTo(900_000_000L);
    assertThat(w.recentLedger())
        .extracting(LedgerEntry::entryType, LedgerEntry::amountE9s, LedgerEntry::balanceAfterE9s)
        .containsExactly(
            tuple("rental", -100_000_000L, 900_000_000L),
            tuple("topup", 1_000_000_000L, 1_000_000_000L));
    assertThat(w.recentLedger().get(0).reference()).isEqualTo("contract:" + contract);
  }

  @Test
  void an_offering_with_only_the_fields_without_a_default_is_accepted_by_decent_cloud() {
    try (MarketClient provider = client(PROVIDER)) {
      long id =
          provider
              .offerings()
              .create(
                  Offering.builder()
                      .offeringId("min-1")
                      .offerName("Minimal")
                      .productType("compute")
                      .currency("USD")
                      .monthlyPrice(new java.math.BigDecimal("5"))
                      .build());

      Offering o = provider.offerings().get(id);
      assertThat(o.billingUnit()).isEqualTo("month");
      assertThat(o.isSubscription()).isFalse();
      assertThat(o.pubkey()).isEqualTo(PROVIDER.publicKeyHex());
    }
  }

  @Test
  void an_offering_without_a_required_field_that_has_no_default_is_refused_naming_it() {
    try (MarketClient provider = client(PROVIDER)) {
      assertThatThrownBy(
              () ->
                  provider
                      .offerings()
                      .create(
                          Offering.builder()
                              .offeringId("no-currency")
                              .offerName("No currency")
                              .productType("compute")
                              .monthlyPrice(java.math.BigDecimal.ONE)
                              .build()))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e ->
                  assertThat(e.serverMessage())
                      .isEqualTo(
                          "parse request payload error: failed to parse \"Offering\": missing"
                              + " required property \"currency\""));
    }
  }
}
