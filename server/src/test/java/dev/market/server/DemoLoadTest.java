package dev.market.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.crypto.Identity;
import dev.market.server.demo.DemoOfferings;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import org.junit.jupiter.api.Test;

class DemoLoadTest {
  @Test
  void demo_offerings_load_once_into_an_empty_database_as_the_published_demo_provider() {
    String db = TestDatabases.freshSqlite();
    String provider = Identity.fromMnemonic(DemoOfferings.PROVIDER_MNEMONIC).publicKeyHex();
    int expected = DemoOfferings.load().size();
    for (int start = 0; start < 2; start++) {
      try (TestServer s = TestServer.start(db, b -> b.demo(true))) {
        JsonNode mine = new Raw(s).get(null, "/api/v1/providers/" + provider + "/offerings").data();
        assertThat(mine.size()).isEqualTo(expected);
        long stored = s.server.store().read(tx -> tx.offerings().count());
        assertThat(stored).isEqualTo(expected);
      }
    }
  }
}
