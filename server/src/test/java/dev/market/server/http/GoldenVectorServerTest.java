package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.crypto.SignatureVerifier;
import dev.market.protocol.json.Json;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The golden signed requests verify on the server: by the verifier and over real HTTP. */
class GoldenVectorServerTest {
  private static JsonNode vectors() throws Exception {
    return Json.mapper().readTree(Path.of("..", "vectors", "signing.json").toFile());
  }

  @Test
  void golden_signed_requests_verify_with_the_servers_verifier() throws Exception {
    for (JsonNode v : vectors().get("signed_requests")) {
      JsonNode h = v.get("headers");
      long ts = Long.parseLong(h.get("X-Timestamp").asText());
      SignatureVerifier.Verification result =
          new SignatureVerifier()
              .verify(
                  h.get("X-Public-Key").asText(),
                  h.get("X-Signature").asText(),
                  h.get("X-Timestamp").asText(),
                  h.get("X-Nonce").asText(),
                  v.get("method").asText(),
                  v.get("path").asText(),
                  v.get("body").asText().getBytes(StandardCharsets.UTF_8),
                  ts);
      assertThat(result.ok()).as(v.get("path").asText()).isTrue();
    }
  }

  @Test
  void golden_requests_pass_the_servers_auth_filter_with_the_clock_at_their_timestamp()
      throws Exception {
    // the two vectors share key and nonce: on one server the second would be a replay
    for (JsonNode v : vectors().get("signed_requests")) {
      try (TestServer server = TestServer.start(TestDatabases.freshSqlite())) {
        JsonNode h = v.get("headers");
        long ts = Long.parseLong(h.get("X-Timestamp").asText());
        server.clock.set(Instant.ofEpochSecond(ts / 1_000_000_000L, ts % 1_000_000_000L));
        Raw.Reply r =
            new Raw(server)
                .send(
                    s -> {
                      s.method = v.get("method").asText();
                      s.path = v.get("path").asText();
                      s.body = v.get("body").asText().getBytes(StandardCharsets.UTF_8);
                      h.properties().forEach(e -> s.headers.put(e.getKey(), e.getValue().asText()));
                      return s;
                    });
        // past the signature: the POST names an offering that does not exist, the GET lists none
        if (v.get("method").asText().equals("POST")) {
          assertThat(r.status()).as(r.toString()).isEqualTo(404);
          assertThat(r.error()).contains("offering 42");
        } else {
          assertThat(r.status()).as(r.toString()).isEqualTo(200);
          assertThat(r.data().size()).isZero();
        }
      }
    }
  }
}
