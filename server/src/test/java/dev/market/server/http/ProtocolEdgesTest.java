package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.crypto.Credentials;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import dev.market.server.support.Ids;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signatures, replay, limits, validation and error envelopes over the raw protocol (SQLite). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolEdgesTest {
  private TestServer server;
  private Market m;
  private Raw raw;
  private final Identity provider = Ids.of("edge-provider");
  private final Identity renter = Ids.of("edge-renter");
  private long offering;

  @BeforeAll
  void start() {
    server = TestServer.start(TestDatabases.freshSqlite());
    m = new Market(server);
    raw = m.raw;
    offering = m.publish(provider, "edge-1", "20");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Raw.Reply pending(java.util.function.Consumer<Raw.Spec> tweak) {
    return raw.send(
        s -> {
          s.identity = renter;
          s.method = "GET";
          s.path = "/api/v1/provider/rental-requests/pending";
          tweak.accept(s);
          return s;
        });
  }

  @Test
  void a_replayed_request_is_401_the_second_time() {
    String nonce = UUID.randomUUID().toString();
    String ts = raw.nowNs();
    Raw.Reply first =
        pending(
            s -> {
              s.nonce = nonce;
              s.timestamp = ts;
            });
    Raw.Reply second =
        pending(
            s -> {
              s.nonce = nonce;
              s.timestamp = ts;
            });
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(401);
    assertThat(second.code()).isEqualTo("unauthorized");
    assertThat(second.error()).contains("replay");
  }

  @Test
  void a_replayed_rent_does_not_create_a_second_contract() {
    String nonce = UUID.randomUUID().toString();
    String ts = raw.nowNs();
    byte[] body = Market.rentBody(offering).getBytes(StandardCharsets.UTF_8);
    java.util.function.UnaryOperator<Raw.Spec> spec =
        s -> {
          s.identity = renter;
          s.method = "POST";
          s.path = "/api/v1/contracts";
          s.body = body;
          s.nonce = nonce;
          s.timestamp = ts;
          return s;
        };
    int before = myContracts();
    m.fundAtLeast(renter, 1_000_000L * Market.E9);
    assertThat(raw.send(spec).status()).isEqualTo(200);
    assertThat(raw.send(spec).status()).isEqualTo(401);
    assertThat(myContracts()).isEqualTo(before + 1);
  }

  private int myContracts() {
    return raw.get(renter, "/api/v1/users/" + renter.publicKeyHex() + "/contracts").data().size();
  }

  @ParameterizedTest(name = "timestamp {0}s off -> {1}")
  @CsvSource({"-301,401", "301,401", "-299,200", "299,200"})
  void timestamps_more_than_300_seconds_off_are_401(long offsetSeconds, int status) {
    long ts = Long.parseLong(raw.nowNs()) + offsetSeconds * 1_000_000_000L;
    Raw.Reply r = pending(s -> s.timestamp = Long.toString(ts));
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
  }

  @Test
  void a_flipped_body_byte_is_401_and_creates_nothing() {
    byte[] body = Market.rentBody(offering).getBytes(StandardCharsets.UTF_8);
    byte[] flipped = Arrays.copyOf(body, body.length);
    flipped[body.length - 3] ^= 0x01;
    int before = myContracts();
    Raw.Reply r =
        raw.send(
            s -> {
              s.identity = renter;
              s.method = "POST";
              s.path = "/api/v1/contracts";
              s.signedBody = body;
              s.body = flipped;
              return s;
            });
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("unauthorized");
    assertThat(myContracts()).isEqualTo(before);
  }

  @Test
  void missing_headers_are_401_and_malformed_ones_400() {
    Raw.Reply missing = pending(s -> s.dropHeaders.add("X-Nonce"));
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.error()).contains("X-Nonce");
    Raw.Reply badKey = pending(s -> s.headers.put("X-Public-Key", "zz"));
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.code()).isEqualTo("bad_request");
    Raw.Reply badNonce = pending(s -> s.nonce = "not-a-uuid");
    assertThat(badNonce.status()).isEqualTo(400);
    Raw.Reply badTs = pending(s -> s.timestamp = "yesterday");
    assertThat(badTs.status()).isEqualTo(400);
  }

  @Test
  void a_body_of_64_KiB_plus_one_is_413_and_64_KiB_is_read() {
    byte[] big = new byte[64 * 1024 + 1];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    Raw.Reply r =
        raw.send(
            s -> {
              s.identity = renter;
              s.method = "POST";
              s.path = "/api/v1/contracts";
              s.body = big;
              return s;
            });
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.code()).isEqualTo("too_large");
    byte[] fits = Arrays.copyOf(big, 64 * 1024);
    fits[fits.length - 1] = '}';
    Raw.Reply ok =
        raw.send(
            s -> {
              s.identity = renter;
              s.method = "POST";
              s.path = "/api/v1/contracts";
              s.body = fits;
              return s;
            });
    // read and checked: an empty object lacks the required fields
    assertThat(ok.status()).as(ok.toString()).isEqualTo(422);
  }

  @Test
  void a_chunked_body_without_content_length_is_cut_off_at_64_KiB_with_413() throws Exception {
    int port = Integer.parseInt(server.baseUrl.substring(server.baseUrl.lastIndexOf(':') + 1));
    try (java.net.Socket socket =
        new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
      java.io.OutputStream out = socket.getOutputStream();
      // The server answers 413 once 64 KiB have come and closes the connection, so the rest of the
      // body may meet a closed socket (broken pipe, reset): it is written from another thread
      // while this one reads the answer, and a failed write is what the server means.
      Thread writer =
          new Thread(
              () -> {
                try {
                  out.write(
                      String.join(
                              "\r\n",
                              "POST /api/v1/contracts HTTP/1.1",
                              "Host: x",
                              "Content-Type: application/json",
                              "Transfer-Encoding: chunked",
                              "Connection: close",
                              "",
                              "")
                          .getBytes(StandardCharsets.US_ASCII));
                  byte[] chunk = new byte[8192];
                  Arrays.fill(chunk, (byte) ' ');
                  for (int i = 0; i < 9; i++) { // 72 KiB, no Content-Length anywhere
                    out.write(
                        (Integer.toHexString(chunk.length) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (java.io.IOException e) {
                  // the server stopped reading: expected once it has answered
                }
              },
              "chunked-writer");
      writer.start();
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      java.io.InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int n; (n = in.read(buffer)) != -1; ) {
          answer.write(buffer, 0, n);
        }
      } catch (java.net.SocketException e) {
        // a reset after the answer: what was read before it is the answer
      }
      writer.join(10_000);
      String response = answer.toString(StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 413").contains("\"code\":\"too_large\"");
    }
  }

  @Test
  void an_idempotency_key_over_255_characters_is_422() {
    Raw.Reply r =
        raw.send(
            s -> {
              s.identity = renter;
              s.method = "POST";
              s.path = "/api/v1/contracts";
              s.body = Market.rentBody(offering).getBytes(StandardCharsets.UTF_8);
              s.headers.put("Idempotency-Key", "k".repeat(256));
              return s;
            });
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).startsWith("Idempotency-Key");
  }

  @Test
  void a_non_json_body_is_415() {
    Raw.Reply r =
        raw.send(
            s -> {
              s.identity = renter;
              s.method = "POST";
              s.path = "/api/v1/contracts";
              s.body = "offering=1".getBytes(StandardCharsets.UTF_8);
              s.contentType = "application/x-www-form-urlencoded";
              return s;
            });
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.code()).isEqualTo("unsupported_media_type");
  }

  @Test
  void malformed_json_is_400_and_wrong_types_are_422_naming_the_field() {
    Raw.Reply bad = raw.post(renter, "/api/v1/contracts", "{\"offering_db_id\": 1,");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error()).startsWith("malformed JSON");
    Raw.Reply array = raw.post(renter, "/api/v1/contracts", "[1,2]");
    assertThat(array.status()).isEqualTo(400);
    Raw.Reply wrong =
        raw.post(renter, "/api/v1/contracts", "{\"offering_db_id\":\"abc\",\"ssh_pubkey\":1}");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.error()).startsWith("offering_db_id");
    Raw.Reply accept =
        raw.post(
            provider,
            "/api/v1/provider/rental-requests/" + "ab".repeat(32) + "/respond",
            "{\"accept\":\"yes\"}");
    assertThat(accept.status()).isEqualTo(422);
    assertThat(accept.error()).startsWith("accept");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dsa key | ssh_pubkey | ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZpRV1AIlH7WT2NWPq/xfW6MPbLm1Vs14E7gB00b/JmYLdrmVClpJ+f6AR7ECLCT7up1/63xhv4O1fnxqimFQ8E+4P208UewwI1VBNaFpEy9nXzrith1yrv8iIDGZ3RSAHHAAAAFQCXYFCPFSMLzLKSuYKi64QL8Fgc9QAAAIEA9+GghdabPd7LvKtcNrhXuXmUr7v6OuqC+VdMCz0HgmdRWVeOutRZT+ZxBxCBgLRJFnEj6EwoFhO3zwkyjMim4TwWeotUfI0o4KOuHiuzpnWRbqN/C/ohNWLx+2J6ASQ7zKTxvqhRkImog9/hWuWfBpKLZl6Ae1UlZAFMO/7PSSoAAACAKKXbYi0bN14pG5vKKx8j9ETJkLFDIWRGW25dEGhKYrg= dsa@test",
        "two keys | ssh_pubkey | ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl a\\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl b",
        "undecodable blob | ssh_pubkey | ssh-ed25519 AAAA!!!notbase64 x",
        "bad contact kind | contact_method | fax:12345",
        "bad email | contact_method | email:nobody",
      })
  void bad_ssh_keys_and_contacts_are_422_naming_the_field(
      String label, String field, String value) {
    var body = Json.mapper().createObjectNode();
    body.put("offering_db_id", offering);
    body.put(
        "ssh_pubkey", field.equals("ssh_pubkey") ? value.replace("\\n", "\n") : Ids.SSH_ED25519);
    body.put("payment_method", "test");
    if (field.equals("contact_method")) {
      body.put("contact_method", value);
    }
    int before = myContracts();
    Raw.Reply r = raw.post(renter, "/api/v1/contracts", body.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("invalid");
    assertThat(r.error()).startsWith(field);
    assertThat(myContracts()).isEqualTo(before);
  }

  @Test
  void an_over_long_memo_is_422_naming_the_field() {
    String body =
        Market.rentBody(offering).replace("}", ",\"request_memo\":\"" + "m".repeat(1001) + "\"}");
    Raw.Reply r = raw.post(renter, "/api/v1/contracts", body);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).startsWith("request_memo");
    String id = m.rent(renter, offering);
    Raw.Reply cancel = m.cancel(renter, id, "x".repeat(1001));
    assertThat(cancel.status()).isEqualTo(422);
    assertThat(cancel.error()).startsWith("memo");
    assertThat(m.status(id)).isEqualTo("pending");
  }

  @Test
  void duration_outside_the_offering_bounds_is_422() {
    String body =
        Market.rentBody(offering).replace("\"duration_hours\":24", "\"duration_hours\":9000");
    Raw.Reply r = raw.post(renter, "/api/v1/contracts", body);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).startsWith("duration_hours");
  }

  @Test
  void every_response_carries_a_request_id_and_unknown_paths_get_an_envelope() {
    Raw.Reply r = raw.get(null, "/api/v1/nothing-here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo("no_such_endpoint");
    assertThat(r.headers().get("x-request-id")).matches("[0-9a-f]{16}");
    assertThat(raw.get(null, "/api/v1/health").headers()).containsKey("x-request-id");
  }

  @Test
  void a_bad_search_expression_is_422_naming_the_field() {
    Raw.Reply r = raw.get(null, "/api/v1/offerings?q=colour:red");
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.error()).contains("colour");
    Raw.Reply ok = raw.get(null, "/api/v1/offerings?q=type:compute%20price:%5B10%20TO%2030%5D");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.data().size()).isEqualTo(1);
  }

  @Test
  void root_password_is_encrypted_to_the_renter_and_never_shown_in_plain_text() {
    String id = m.rent(renter, offering);
    m.driveTo(provider, id, "provisioning");
    String secret = "s3cret-Root-pw";
    String details =
        "{\"ip_address\":\"198.51.100.4\",\"ssh_port\":2222,\"root_password\":\"" + secret + "\"}";
    Raw.Reply r = m.provision(provider, id, "provisioned", details);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);

    Raw.Reply creds = raw.get(renter, "/api/v1/contracts/" + id + "/credentials");
    assertThat(creds.status()).isEqualTo(200);
    String encrypted = creds.data().asText();
    assertThat(encrypted).doesNotContain(secret);
    assertThat(Credentials.decrypt(renter, encrypted)).isEqualTo(secret);

    for (String path :
        new String[] {
          "/api/v1/contracts/" + id,
          "/api/v1/contracts/" + id + "/events",
          "/api/v1/users/" + renter.publicKeyHex() + "/contracts",
          "/api/v1/users/" + renter.publicKeyHex() + "/notifications",
        }) {
      Raw.Reply page = raw.get(renter, path);
      assertThat(page.text()).as(path).doesNotContain(secret).doesNotContain("root_password");
    }
    Raw.Reply providerView =
        raw.get(provider, "/api/v1/providers/" + provider.publicKeyHex() + "/contracts");
    assertThat(providerView.text()).doesNotContain(secret);
    JsonNode contract = raw.get(renter, "/api/v1/contracts/" + id).data();
    assertThat(contract.get("provisioning_instance_details").asText()).contains("198.51.100.4");
    String stored = server.server.store().read(tx -> tx.contracts().credentials(id)).orElseThrow();
    assertThat(stored).doesNotContain(secret);
  }

  @Test
  void rate_limits_answer_429_with_retry_after() {
    try (TestServer limited =
        TestServer.start(
            TestDatabases.freshSqlite(),
            b -> b.rateLimitsEnabled(true).signerRentBurst(2).signerRentsPerMinute(1))) {
      Market lm = new Market(limited);
      long off = lm.publish(provider, "limited-1", "3");
      assertThat(lm.tryRent(renter, off).status()).isEqualTo(200);
      assertThat(lm.tryRent(renter, off).status()).isEqualTo(200);
      Raw.Reply third = lm.tryRent(renter, off);
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.code()).isEqualTo("rate_limited");
      assertThat(Long.parseLong(third.headers().get("retry-after"))).isBetween(1L, 60L);
      // another signer has its own bucket
      assertThat(lm.tryRent(Ids.of("someone-else"), off).status()).isEqualTo(200);
      limited.clock.advance(Duration.ofSeconds(61));
      assertThat(lm.tryRent(renter, off).status()).isEqualTo(200);
    }
    try (TestServer limited =
        TestServer.start(
            TestDatabases.freshSqlite(),
            b -> b.rateLimitsEnabled(true).addressRequestBurst(3).addressRequestsPerMinute(60))) {
      Raw lraw = new Raw(limited);
      for (int i = 0; i < 3; i++) {
        assertThat(lraw.get(null, "/api/v1/health").status()).isEqualTo(200);
      }
      Raw.Reply r = lraw.get(null, "/api/v1/health");
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.headers().get("retry-after")).isEqualTo("1");
    }
  }
}
