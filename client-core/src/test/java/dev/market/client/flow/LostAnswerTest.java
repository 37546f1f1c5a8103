package dev.market.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.client.MarketClient;
import dev.market.client.decentcloud.DecentCloudFake;
import dev.market.client.support.AnswerDroppingProxy;
import dev.market.client.support.AnswerDroppingProxy.Seen;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rent whose answer a proxy loses after the server acted, in front of our REAL server and in
 * front of the Decent Cloud fake: the renter gets one rental and pays once on both.
 */
class LostAnswerTest {
  private static final Identity RENTER = Ids.of("lost-renter");
  private static final Identity PROVIDER = Ids.of("lost-provider");

  private TestServer server;
  private DecentCloudFake dc;
  private AnswerDroppingProxy proxy;
  private MarketClient client;

  @AfterEach
  void close() {
    for (AutoCloseable c : new AutoCloseable[] {client, proxy, server, dc}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private MarketClient through(AnswerDroppingProxy p, java.time.Clock clock) {
    return MarketClient.builder()
        .baseUrl(p.url())
        .identity(RENTER)
        .clock(clock)
        .retryBaseDelay(Duration.ZERO)
        .maxRetryDelay(Duration.ZERO)
        .readTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void our_server_gets_the_same_key_again_and_rents_and_charges_once() {
    server = TestServer.start(TestDatabases.freshSqlite());
    Market m = new Market(server);
    long offering = m.publish(PROVIDER, "lost-1", "7.2");
    m.fundAtLeast(RENTER, 100 * Market.E9);
    long before = m.balance(RENTER);
    proxy = new AnswerDroppingProxy(server.baseUrl);
    client = through(proxy, server.clock);
    proxy.dropNextAnswer("POST", "/api/v1/contracts");

    RentalCreated created =
        client
            .rentals()
            .create(
                new RentalRequest(offering, Ids.SSH_ED25519, "wallet", 10L, null, "x", null, null));

    List<Contract> mine = client.rentals().list();
    assertThat(mine).extracting(Contract::contractId).containsExactly(created.contractId());
    assertThat(m.balance(RENTER)).isEqualTo(before - 100_000_000L); // 7.2 x 10 h / 720, once
    assertThat(m.escrow(created.contractId())).isEqualTo(100_000_000L);
    List<Seen> seen = proxy.seen();
    assertThat(seen.subList(0, 3))
        .extracting(Seen::line, Seen::dropped)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("POST /api/v1/contracts", true),
            org.assertj.core.groups.Tuple.tuple("GET /api/v1/health", false),
            org.assertj.core.groups.Tuple.tuple("POST /api/v1/contracts", false));
    String key = seen.get(0).headers().get("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(seen.get(2).headers().get("Idempotency-Key")).isEqualTo(key);
    assertThat(seen.get(2).headers().get("X-Nonce"))
        .isNotEqualTo(seen.get(0).headers().get("X-Nonce"));
  }

  @Test
  void decent_cloud_is_not_asked_twice_and_the_rental_is_found_among_the_newest() {
    dc = new DecentCloudFake();
    long offering = dc.addOffering(PROVIDER.publicKeyHex(), "vm-1", "Small VM", 7.2, true);
    dc.credit(RENTER.publicKeyHex(), 1_000_000_000L);
    proxy = new AnswerDroppingProxy(dc.url());
    client = through(proxy, java.time.Clock.systemUTC());
    proxy.dropNextAnswer("POST", "/api/v1/contracts");

    RentalCreated created =
        client
            .rentals()
            .create(
                new RentalRequest(offering, Ids.SSH_ED25519, "wallet", 10L, null, "x", null, null));

    assertThat(dc.contracts())
        .singleElement()
        .satisfies(c -> assertThat(c.get("contract_id").asText()).isEqualTo(created.contractId()));
    assertThat(dc.balance(RENTER.publicKeyHex())).isEqualTo(900_000_000L); // charged once
    assertThat(proxy.seen())
        .extracting(Seen::line)
        .containsExactly(
            "POST /api/v1/contracts",
            "GET /api/v1/health",
            "GET /api/v1/offerings/" + offering,
            "GET /api/v1/users/" + RENTER.publicKeyHex() + "/contracts");
  }
}
