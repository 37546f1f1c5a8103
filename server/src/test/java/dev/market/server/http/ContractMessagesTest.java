package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Errors about a contract do not repeat its 64-hex id: the request path names it, and clients
 * already prefix the operation and a short id ({@code accept contract 9afd5ef0…: ...}).
 */
class ContractMessagesTest {
  private static TestServer server;
  private static Market market;
  private static long offering;
  private static final Identity PROVIDER = Ids.of("msg-provider");
  private static final Identity RENTER = Ids.of("msg-renter");
  private static final Identity STRANGER = Ids.of("msg-stranger");

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabases.freshSqlite());
    market = new Market(server);
    offering = market.publish(PROVIDER, "msg-1", "10");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void accepting_a_rejected_contract_is_409_invalid_transition_without_the_id() {
    String id = market.rent(RENTER, offering);
    assertThat(market.respond(PROVIDER, id, false).status()).isEqualTo(200);

    Raw.Reply r = market.respond(PROVIDER, id, true);

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.code()).isEqualTo("invalid_transition");
    assertThat(r.error())
        .isEqualTo("invalid transition: contract is rejected; it cannot become accepted");
    assertThat(market.status(id)).isEqualTo("rejected");
  }

  @Test
  void reporting_provisioned_on_a_pending_contract_names_both_states_only() {
    String id = market.rent(RENTER, offering);

    Raw.Reply r = market.provision(PROVIDER, id, "provisioned", Market.DETAILS);

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.code()).isEqualTo("invalid_transition");
    assertThat(r.error())
        .isEqualTo("invalid transition: contract is pending; it cannot become provisioned");
  }

  @Test
  void the_renter_acting_as_provider_is_403_without_the_id() {
    String id = market.rent(RENTER, offering);

    Raw.Reply r = market.respond(RENTER, id, true);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("only the provider of this contract may do this");
  }

  @Test
  void a_stranger_cancelling_gets_404_contract_not_found_without_the_id() {
    String id = market.rent(RENTER, offering);

    Raw.Reply r = market.cancel(STRANGER, id, null);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo("not_found");
    assertThat(r.error()).isEqualTo("contract not found");
    assertThat(market.status(id)).isEqualTo("pending");
  }
}
