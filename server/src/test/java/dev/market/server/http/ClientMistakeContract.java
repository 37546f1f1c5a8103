package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, finding 4: client mistakes are 4xx, always. A broken HTTP body, a NUL character (which
 * PostgreSQL cannot store), a lone surrogate or a bidi override, anywhere in text: one envelope
 * naming the field, nothing stored. Run on SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientMistakeContract {
  private TestServer server;
  private Market m;
  private final Identity provider = Ids.of("mistake-provider");
  private final Identity renter = Ids.of("mistake-renter");
  private long offering;

  abstract TestDatabases.Kind kind();

  @BeforeAll
  void start() {
    server = TestServer.start(TestDatabases.fresh(kind()));
    m = new Market(server);
    offering = m.publish(provider, "mistake-1", "10");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ------------------------------------------------------------------ broken HTTP messages

  private String exchange(String request) throws Exception {
    URI base = URI.create(server.baseUrl);
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      s.shutdownOutput(); // FIN: the client will send nothing more
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      in.transferTo(got);
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void a_body_shorter_than_its_content_length_is_400_not_500() throws Exception {
    String reply =
        exchange(
            "POST /api/v1/contracts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"offering_db_id\":");
    assertThat(reply).startsWith("HTTP/1.1 400");
    assertThat(reply).contains("\"code\":\"bad_request\"").doesNotContain("internal");
  }

  @Test
  void a_chunk_size_that_is_not_hex_is_400_not_500() throws Exception {
    String reply =
        exchange(
            String.join(
                "\r\n",
                "POST /api/v1/contracts HTTP/1.1",
                "Host: x",
                "Content-Type: application/json",
                "Transfer-Encoding: chunked",
                "",
                "zz",
                "{}",
                "0",
                "",
                ""));
    assertThat(reply).startsWith("HTTP/1.1 400");
    assertThat(reply).doesNotContain("internal");
  }

  // ------------------------------------------------------------------ text that cannot be stored

  /** Text as a JSON string escape and as a query value (a lone surrogate has no UTF-8 form). */
  record Bad(String json, String query) {
    @Override
    public String toString() {
      return json;
    }
  }

  private static final String MARK = "@@BAD@@";

  Stream<Bad> unstorable() {
    // NUL, a lone surrogate, a right-to-left override, an escape (terminal control)
    return Stream.of(
        new Bad("a\\u0000b", "a%00b"),
        // a lone surrogate has no UTF-8 form: in a URL it arrives as U+FFFD, harmless
        new Bad("a\\ud800b", null),
        new Bad("a\\u202eb", "a%E2%80%AEb"),
        new Bad("a\\u001b[2Jb", "a%1B%5B2Jb"));
  }

  private static String withBad(ObjectNode body, Bad text) {
    return body.toString().replace(MARK, text.json());
  }

  @ParameterizedTest
  @MethodSource("unstorable")
  void a_search_parameter_with_unstorable_text_is_422_naming_it(Bad text) {
    Assumptions.assumeTrue(text.query() != null);
    for (String param : new String[] {"q", "country", "product_type"}) {
      Raw.Reply r = m.raw.get(null, "/api/v1/offerings?" + param + "=" + text.query());
      assertThat(r.status()).as(param + " " + r).isEqualTo(422);
      assertThat(r.error()).startsWith(param + ": ");
    }
  }

  @ParameterizedTest
  @MethodSource("unstorable")
  void a_rental_field_with_unstorable_text_is_422_naming_it_and_nothing_is_stored(Bad text) {
    for (String field : new String[] {"request_memo", "operating_system", "buyer_address"}) {
      ObjectNode body = (ObjectNode) Json.mapper().valueToTree(parse(Market.rentBody(offering)));
      body.put(field, MARK);
      int before =
          m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/contracts").data().size();
      Raw.Reply r = m.raw.post(renter, "/api/v1/contracts", withBad(body, text));
      assertThat(r.status()).as(field + " " + r).isEqualTo(422);
      assertThat(r.error()).startsWith(field + ": ");
      int after =
          m.raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/contracts").data().size();
      assertThat(after).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @MethodSource("unstorable")
  void an_offering_description_with_unstorable_text_is_422_naming_it(Bad text) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("offering_id", "desc-" + Integer.toHexString(text.hashCode()));
    body.put("offer_name", "x");
    body.put("product_type", "compute");
    body.put("currency", "USD");
    body.put("monthly_price", 1);
    body.put("description", MARK);
    Raw.Reply r =
        m.raw.post(
            provider,
            "/api/v1/providers/" + provider.publicKeyHex() + "/offerings",
            withBad(body, text));
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.error()).startsWith("description: ");
  }

  @ParameterizedTest
  @MethodSource("unstorable")
  void a_reject_or_cancel_memo_with_unstorable_text_is_422_and_the_request_stays_pending(Bad text) {
    String id = m.rent(renter, offering);
    ObjectNode reject = Json.mapper().createObjectNode();
    reject.put("accept", false);
    reject.put("memo", MARK);
    Raw.Reply r =
        m.raw.post(
            provider, "/api/v1/provider/rental-requests/" + id + "/respond", withBad(reject, text));
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.error()).startsWith("memo: ");
    Raw.Reply c =
        m.raw.put(
            renter,
            "/api/v1/contracts/" + id + "/cancel",
            ("{\"memo\":\"" + MARK + "\"}").replace(MARK, text.json()));
    assertThat(c.status()).as(c.toString()).isEqualTo(422);
    assertThat(c.error()).startsWith("memo: ");
    assertThat(m.status(id)).isEqualTo("pending");
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
