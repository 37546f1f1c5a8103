package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile but well-signed input: always a 4xx envelope naming the problem, never a 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoServerErrorTest {
  private TestServer server;
  private Market m;
  private final Identity provider = Ids.of("fuzz-provider");
  private final Identity renter = Ids.of("fuzz-renter");

  private long openOffering;

  @BeforeAll
  void start() {
    server = TestServer.start(TestDatabases.freshSqlite());
    m = new Market(server);

    Raw.Reply open =
        m.raw.post(
            provider,
            "/api/v1/providers/" + provider.publicKeyHex() + "/offerings",
            "{\"offering_id\":\"open\",\"offer_name\":\"no max\",\"product_type\":\"compute\","
                + "\"currency\":\"USD\",\"monthly_price\":999999999}");
    openOffering = open.data().asLong();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  Stream<Arguments> hostile() {
    String offerings = "/api/v1/providers/" + Ids.of("fuzz-provider").publicKeyHex() + "/offerings";
    String someId = "ab".repeat(32);
    return Stream.of(
        Arguments.of("POST", "/api/v1/contracts", "{\"offering_db_id\":1e30}", "offering_db_id"),
        Arguments.of(
            "POST",
            "/api/v1/contracts",
            "{\"offering_db_id\":99999999999999999999999}",
            "offering_db_id"),
        Arguments.of("POST", "/api/v1/contracts", "{\"offering_db_id\":{}}", "offering_db_id"),
        Arguments.of("POST", "/api/v1/contracts", "null", "JSON object"),
        Arguments.of("POST", "/api/v1/contracts", "\"text\"", "JSON object"),
        Arguments.of("POST", "/api/v1/contracts", "{\"a\":" + "[".repeat(5000), "JSON"),
        Arguments.of("POST", "/api/v1/contracts", "{\"duration_hours\":-1}", ""),
        Arguments.of(
            "POST",
            offerings,
            "{\"offering_id\":\"x\",\"offer_name\":\"x\",\"product_type\":\"compute\",\"currency\":\"USD\",\"monthly_price\":1e300}",
            "monthly_price"),
        Arguments.of(
            "POST",
            offerings,
            "{\"offering_id\":\"x\",\"offer_name\":\"x\",\"product_type\":\"compute\",\"currency\":\"USD\",\"monthly_price\":-1}",
            "monthly_price"),
        Arguments.of("POST", offerings, "{\"processor_cores\":1e20}", "processor_cores"),
        Arguments.of("POST", offerings, "{\"is_draft\":\"maybe\"}", "is_draft"),
        Arguments.of("GET", "/api/v1/offerings?limit=99999999999999", null, "limit"),
        Arguments.of("GET", "/api/v1/offerings?min_price_monthly=abc", null, "min_price_monthly"),
        Arguments.of("GET", "/api/v1/offerings?q=" + "price:%5B".repeat(50), null, "q"),
        Arguments.of("GET", "/api/v1/offerings/abc", null, "offering id"),
        Arguments.of("GET", "/api/v1/offerings/99999999999999999999999", null, "offering id"),
        Arguments.of("GET", "/api/v1/contracts/%00%ff", null, "bad request"),
        // found by EndpointFuzz: Javalin's path-parameter decoding threw, answered 500
        Arguments.of("GET", "/api/v1/offerings/;%", null, "percent-encoding"),
        Arguments.of("GET", "/api/v1/contracts/" + someId, null, "not found"),
        Arguments.of("PUT", "/api/v1/contracts/" + someId + "/cancel", "{\"memo\":5}", "memo"),
        Arguments.of("PUT", "/api/v1/contracts/" + someId + "/cancel", "", "body"),
        Arguments.of(
            "POST", "/api/v1/provider/rental-requests/" + someId + "/respond", "{}", "accept"),
        Arguments.of(
            "PUT",
            "/api/v1/provider/rental-requests/" + someId + "/provisioning",
            "{\"status\":\"paused\"}",
            "status"),
        Arguments.of(
            "PUT",
            "/api/v1/provider/rental-requests/" + someId + "/provisioning",
            "{\"status\":\"provisioned\",\"instanceDetails\":\"" + "x".repeat(9000) + "\"}",
            "instanceDetails"),
        Arguments.of(
            "POST",
            "/api/v1/users/" + Ids.of("fuzz-renter").publicKeyHex() + "/notifications/mark-read",
            "{\"ids\":[\"a\"]}",
            "ids"),
        Arguments.of(
            "POST",
            "/api/v1/users/" + Ids.of("fuzz-renter").publicKeyHex() + "/notifications/mark-read",
            "{\"ids\":[1e40]}",
            "ids"),
        Arguments.of(
            "PUT",
            "/api/v1/provider/settings/auto-accept",
            "{\"autoAcceptRentals\":1}",
            "autoAcceptRentals"),
        Arguments.of("DELETE", "/api/v1/contracts", null, ""));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("hostile")
  void hostile_input_is_a_4xx_envelope(String method, String path, String body, String mentions) {
    Identity who = path.contains("/offerings") && method.equals("POST") ? provider : renter;
    Raw.Reply r = m.raw.send(who, method, path, body);
    assertThat(r.status()).as(r.toString()).isBetween(400, 499);
    assertThat(r.json().get("success").asBoolean()).isFalse();
    assertThat(r.code()).isNotBlank();
    assertThat(r.error()).as(r.toString()).contains(mentions);
  }

  @ParameterizedTest(name = "{0} hours")
  @MethodSource("hugeDurations")
  void a_price_or_end_too_large_to_represent_is_422(long hours) {
    Raw.Reply r =
        m.raw.post(
            renter,
            "/api/v1/contracts",
            Market.rentBody(openOffering)
                .replace("\"duration_hours\":24", "\"duration_hours\":" + hours));
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.error()).startsWith("duration_hours");
  }

  static Stream<Long> hugeDurations() {
    return Stream.of(Long.MAX_VALUE, 1L << 40, 100_000_000L);
  }
}
