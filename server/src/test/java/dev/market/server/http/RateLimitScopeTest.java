package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * What docs/server.md promises about rate limits when several processes share one database: the
 * per-signer rent budget is one budget (rate_limit_buckets), the per-address flood guard is each
 * process's own (N processes allow an address N x the limit).
 */
class RateLimitScopeTest {
  private final Identity provider = Ids.of("scope-provider");
  private final Identity renter = Ids.of("scope-renter");

  @Test
  void two_processes_share_the_signer_rent_budget_but_guard_addresses_each_on_its_own() {
    String db = TestDatabases.freshSqlite();
    try (TestServer a =
            TestServer.start(
                db,
                b ->
                    b.rateLimitsEnabled(true)
                        .signerRentBurst(2)
                        .signerRentsPerMinute(1)
                        .addressRequestBurst(6)
                        .addressRequestsPerMinute(1));
        TestServer b =
            TestServer.start(
                db,
                c ->
                    c.rateLimitsEnabled(true)
                        .signerRentBurst(2)
                        .signerRentsPerMinute(1)
                        .addressRequestBurst(6)
                        .addressRequestsPerMinute(1))) {
      Market ma = new Market(a);
      Market mb = new Market(b);
      long offering = ma.publish(provider, "scope-1", "5"); // a: 1 request from this address

      // the signer's burst of 2 is spent across both processes: the third rent is refused on either
      assertThat(ma.tryRent(renter, offering).status()).isEqualTo(200); // a: 2
      assertThat(mb.tryRent(renter, offering).status()).isEqualTo(200); // b: 1
      Raw.Reply third = ma.tryRent(renter, offering); // a: 3
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.error()).isEqualTo("too many rental requests from this key");
      assertThat(mb.tryRent(renter, offering).status()).isEqualTo(429); // b: 2

      // the address burst of 6 is per process: a is out after 6 requests, b still has 4 left
      Raw ra = new Raw(a);
      Raw rb = new Raw(b);
      for (int i = 0; i < 3; i++) {
        assertThat(ra.get(null, "/api/v1/health").status()).isEqualTo(200); // a: 4..6
      }
      Raw.Reply flooded = ra.get(null, "/api/v1/health");
      assertThat(flooded.status()).isEqualTo(429);
      assertThat(flooded.error()).isEqualTo("too many requests from this address");
      for (int i = 0; i < 4; i++) {
        assertThat(rb.get(null, "/api/v1/health").status()).isEqualTo(200); // b: 3..6
      }
      assertThat(rb.get(null, "/api/v1/health").status()).isEqualTo(429);
    }
  }
}
