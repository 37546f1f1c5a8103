package dev.market.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * What one durable rent costs in statements (issue 11: rents are bound by the work per transaction,
 * and on PostgreSQL every statement is a network round trip). The bounds are the counts measured
 * when the rent path was last cut; a change that adds statements to it fails here.
 */
class RentStatementsTest {

  private static long statementsOf(Runnable r) {
    long before = NamedSql.EXECUTED.sum();
    r.run();
    return NamedSql.EXECUTED.sum() - before;
  }

  @Test
  void a_rent_and_an_auto_accepted_rent_cost_a_bounded_number_of_statements() {
    try (TestServer server = TestServer.start(TestDatabases.freshSqlite())) {
      Market m = new Market(server);
      Identity provider = Ids.of("stmt-provider");
      Identity auto = Ids.of("stmt-auto-provider");
      Identity renter = Ids.of("stmt-renter");
      long offering = m.publish(provider, "stmt-1", "72");
      long autoOffering = m.publish(auto, "stmt-2", "72");
      assertThat(
              m.raw
                  .put(
                      auto, "/api/v1/provider/settings/auto-accept", "{\"autoAcceptRentals\":true}")
                  .status())
          .isEqualTo(200);
      m.fundAtLeast(renter, 1_000L * Market.E9);
      m.rent(renter, offering); // warm: first-use paths out of the way

      long[] plain = new long[1];
      long[] accepted = new long[1];
      plain[0] =
          statementsOf(
              () ->
                  assertThat(
                          m.raw
                              .post(renter, "/api/v1/contracts", Market.rentBody(offering))
                              .status())
                      .isEqualTo(200));
      accepted[0] =
          statementsOf(
              () -> {
                Raw.Reply r =
                    m.raw.post(renter, "/api/v1/contracts", Market.rentBody(autoOffering));
                assertThat(r.status()).isEqualTo(200);
              });
      System.out.printf("statements per rent: %d, auto-accepted: %d%n", plain[0], accepted[0]);
      assertThat(plain[0]).isLessThanOrEqualTo(10);
      assertThat(accepted[0]).isLessThanOrEqualTo(14);
    }
  }
}
