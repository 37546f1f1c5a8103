package dev.market.client.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.AwaitResult;
import dev.market.client.MarketClient;
import dev.market.client.OfferingQuery;
import dev.market.client.Provisioning;
import dev.market.client.RequestOptions;
import dev.market.client.error.ConflictException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.NotFoundException;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.InstanceDetails;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The rental flow driven by the real client-core MarketClient; on SQLite and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientFlowContract {
  private TestServer server;
  private Market m;
  private MarketClient provider;
  private MarketClient renter;
  private MarketClient stranger;
  private long offering;

  abstract TestDatabases.Kind kind();

  @BeforeAll
  void start() {
    server = TestServer.start(TestDatabases.fresh(kind()));
    m = new Market(server);
    provider = client(Ids.of("client-provider"));
    renter = client(Ids.of("client-renter"));
    // every rent escrows its price (issue 10)
    m.fundAtLeast(Ids.of("client-renter"), 1_000_000L * Market.E9);
    stranger = client(Ids.of("client-stranger"));
    offering =
        provider
            .offerings()
            .create(
                new Offering(
                    null,
                    null,
                    "c-1",
                    "Client box",
                    "for the client flow",
                    "compute",
                    "USD",
                    new BigDecimal("36"),
                    null,
                    "public",
                    "in_stock",
                    "AMD",
                    4,
                    null,
                    "8 GB",
                    "80 GB",
                    null,
                    "1 Gbit",
                    true,
                    "NL",
                    "Amsterdam",
                    null,
                    null,
                    null,
                    1L,
                    2000L,
                    "debian-12",
                    "monthly",
                    null,
                    null,
                    false,
                    null,
                    null));
  }

  private MarketClient client(Identity id) {
    return MarketClient.builder()
        .baseUrl(server.baseUrl)
        .identity(id)
        .clock(server.clock)
        .maxAttempts(1)
        .build();
  }

  @AfterAll
  void stop() {
    for (MarketClient c : new MarketClient[] {provider, renter, stranger}) {
      if (c != null) {
        c.close();
      }
    }
    if (server != null) {
      server.close();
    }
  }

  private RentalRequest request(long hours) {
    return new RentalRequest(
        offering,
        Ids.SSH_ED25519,
        "test",
        hours,
        "matrix:@alice:example.org",
        "hi",
        "debian-12",
        null);
  }

  @Test
  void a_client_rents_and_the_provider_takes_it_to_completed() {
    assertThat(renter.health()).isNotBlank();
    List<Offering> listed =
        renter
            .offerings()
            .list(OfferingQuery.builder().productType("compute").country("nl").build());
    assertThat(listed).extracting(Offering::id).containsExactly(offering);

    RentalCreated created = renter.rentals().create(request(24));
    String id = created.contractId();
    assertThat(provider.provider().pendingRequests()).extracting(Contract::contractId).contains(id);
    assertThat(renter.rentals().get(id).statusValue()).isEqualTo(ContractStatus.PENDING);
    // 36 a month for 24 h
    assertThat(renter.rentals().get(id).paymentAmountE9s()).isEqualTo(1_200_000_000L);

    provider.provider().accept(id, "welcome");
    provider.provider().provision(id, Provisioning.started());
    provider
        .provider()
        .provision(
            id,
            Provisioning.done(
                new InstanceDetails("192.0.2.9", null, null, "root", "hunter2-long", null)));
    assertThat(renter.rentals().credentials(id)).isEqualTo("hunter2-long");
    assertThat(renter.rentals().get(id).provisioningInstanceDetails())
        .contains("192.0.2.9")
        .doesNotContain("hunter2");
    provider.provider().provision(id, Provisioning.active());
    AwaitResult active = renter.rentals().await(id, ContractStatus.ACTIVE, Duration.ofSeconds(5));
    assertThat(active.outcome()).isEqualTo(AwaitResult.Outcome.REACHED);

    server.clock.advance(Duration.ofHours(24).plusSeconds(1));
    server.server.sweep();
    assertThat(renter.rentals().get(id).statusValue()).isEqualTo(ContractStatus.COMPLETED);
    assertThat(renter.rentals().events(id))
        .filteredOn(e -> e.eventType().equals("status_change"))
        .extracting(ContractEvent::newStatus)
        .containsExactly(
            "requested",
            "pending",
            "accepted",
            "provisioning",
            "provisioned",
            "active",
            "completed");
    assertThat(renter.rentals().list()).extracting(Contract::contractId).contains(id);
    assertThat(provider.provider().contracts()).extracting(Contract::contractId).contains(id);
    assertThat(renter.notifications().unreadCount()).isGreaterThanOrEqualTo(3);
    renter.notifications().markRead(List.of());
    assertThat(renter.notifications().unreadCount()).isZero();
  }

  @Test
  void refusals_reach_the_client_as_typed_exceptions_and_change_nothing() {
    String id = renter.rentals().create(request(24)).contractId();
    assertThatThrownBy(() -> provider.provider().provision(id, Provisioning.active()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> renter.provider().accept(id, null))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> stranger.rentals().get(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> stranger.rentals().cancel(id, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> renter.rentals().create(request(5000)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("duration_hours");
    assertThat(m.status(id)).isEqualTo("pending");
    assertThat(m.history(id)).hasSize(2);
    renter.rentals().cancel(id, "no longer needed");
    assertThat(renter.rentals().get(id).statusValue()).isEqualTo(ContractStatus.CANCELLED);
    assertThatThrownBy(() -> renter.rentals().cancel(id, null))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void a_retried_rent_with_one_key_rents_once() {
    int before = renter.rentals().list().size();
    RequestOptions key = RequestOptions.builder().idempotencyKey("client-key-1").build();
    RentalCreated a = renter.rentals().create(request(48), key).value();
    RentalCreated b = renter.rentals().create(request(48), key).value();
    assertThat(b.contractId()).isEqualTo(a.contractId());
    assertThat(renter.rentals().list()).hasSize(before + 1);
    assertThatThrownBy(() -> renter.rentals().create(request(49), key))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void auto_accept_is_off_by_default_and_switchable() {
    MarketClient p = client(Ids.of("client-auto-provider"));
    try {
      assertThat(p.provider().autoAccept()).isFalse();
      assertThat(p.provider().setAutoAccept(true)).isTrue();
      assertThat(p.provider().autoAccept()).isTrue();
    } finally {
      p.close();
    }
  }
}
