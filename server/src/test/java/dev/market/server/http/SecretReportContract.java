package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.DatabaseDump;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, finding 2: a password in a failure or cancel report (or a reject or cancel memo) is
 * never stored in clear: not in the history, the events, the notifications, any answer, nor
 * anywhere in the database. Run on SQLite (the file and its WAL) and PostgreSQL (every table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecretReportContract {
  static final String SECRET = "Zq7-unguessable-Pw";
  private TestServer server;
  private Market m;
  private final Identity provider = Ids.of("secret-provider");
  private final Identity renter = Ids.of("secret-renter");
  private long offering;

  abstract TestDatabases.Kind kind();

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream stderr;

  /** The server's log (slf4j-simple writes to System.err) is captured from start to stop. */
  @BeforeAll
  void start() {
    stderr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    server = TestServer.start(TestDatabases.fresh(kind()));
    m = new Market(server);
    offering = m.publish(provider, "secret-1", "10");
  }

  @AfterAll
  void stop() {
    boolean started = server != null; // not when the database was skipped (-Dpg.skip=true)
    try {
      if (started) {
        server.close();
      }
    } finally {
      System.setErr(stderr);
    }
    String whole = log.toString(StandardCharsets.UTF_8);
    stderr.print(whole);
    if (started) {
      assertThat(whole).contains("Javalin").doesNotContain(SECRET);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ip_address\":\"203.0.113.7\",\"root_password\":\"" + SECRET + "\"}",
        "{\"root_password\": \"" + SECRET + "\", \"note\":\"disk full\"}",
        "disk full; root_password=" + SECRET + " was set",
        "failed. password: " + SECRET,
        "{\"admin\":{\"api_key\":\"" + SECRET + "\"}}"
      })
  void a_secret_in_a_failure_or_cancel_report_or_memo_is_stored_nowhere(String details)
      throws Exception {
    String failed = m.rent(renter, offering);
    m.driveTo(provider, failed, "provisioning");
    assertThat(m.provision(provider, failed, "provisioningfailed", details).status())
        .isEqualTo(200);

    String cancelled = m.rent(renter, offering);
    m.driveTo(provider, cancelled, "accepted");
    assertThat(m.provision(provider, cancelled, "cancelled", details).status()).isEqualTo(200);

    String rejected = m.rent(renter, offering);
    Raw.Reply reject =
        m.raw.post(
            provider,
            "/api/v1/provider/rental-requests/" + rejected + "/respond",
            "{\"accept\":false,\"memo\":"
                + dev.market.protocol.json.Json.mapper().writeValueAsString(details)
                + "}");
    assertThat(reject.status()).as(reject.toString()).isEqualTo(200);

    String renterCancelled = m.rent(renter, offering);
    assertThat(m.cancel(renter, renterCancelled, details).status()).isEqualTo(200);

    List<String> seen = new ArrayList<>();
    for (Identity who : List.of(renter, provider)) {
      seen.add(m.raw.get(who, "/api/v1/users/" + who.publicKeyHex() + "/notifications").text());
    }
    for (String id : List.of(failed, cancelled, rejected, renterCancelled)) {
      seen.add(m.raw.get(renter, "/api/v1/contracts/" + id + "/events").text());
      seen.add(m.raw.get(renter, "/api/v1/contracts/" + id).text());
      seen.add(m.history(id).toString());
    }
    seen.add(m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/contracts").text());
    seen.add(
        m.raw.get(provider, "/api/v1/providers/" + provider.publicKeyHex() + "/contracts").text());
    seen.add(databaseText());
    for (String s : seen) {
      assertThat(s).doesNotContain(SECRET);
    }
    // what is not secret is kept: the renter still learns why
    assertThat(m.history(failed).toString()).contains("[redacted]");
  }

  /** Every byte the database holds: the SQLite files, or a COPY dump of every PostgreSQL table. */
  private String databaseText() throws Exception {
    String dump = DatabaseDump.of(kind(), server.db);
    assertThat(dump).contains("status_change"); // the dump did read the history
    return dump;
  }
}
