package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A fault on our side (here: a table gone) is a 500 envelope carrying the request id. */
class InternalErrorTest {
  @Test
  void an_unexpected_failure_is_a_500_envelope_with_the_request_id_and_the_server_keeps_serving()
      throws Exception {
    String db = TestDatabases.freshSqlite();
    try (TestServer s = TestServer.start(db)) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement st = c.createStatement()) {
        st.execute("DROP TABLE notifications");
      }
      Identity who = Ids.of("err-user");
      Raw raw = new Raw(s);
      Raw.Reply r = raw.get(who, "/api/v1/users/" + who.publicKeyHex() + "/notifications");
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.code()).isEqualTo("internal");
      String id = r.headers().get("x-request-id");
      assertThat(r.error()).isEqualTo("internal error (request id " + id + ")");
      assertThat(r.text()).doesNotContain("SQL").doesNotContain("notifications");
      assertThat(raw.get(null, "/api/v1/health").status()).isEqualTo(200);
    }
  }
}
