package dev.market.client;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Shared fixtures for the client tests: identities and a recording sleeper. The clock is the server
 * test-jar's {@link MutableClock}: one clock class for every module's tests.
 */
final class TestSupport {
  static final String ABANDON =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  static final Identity RENTER = Identity.fromMnemonic(ABANDON);
  static final String CONTRACT_ID =
      "3f1c2a9b00112233445566778899aabbccddeeff00112233445566778899aabb";
  static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L, 123_456_789L);

  /**
   * MockWebServer writes a response in several small packets; with Nagle's algorithm on, each
   * request then waits ~40 ms for a delayed ACK. The paging test makes a thousand requests.
   */
  static final ServerSocketFactory NO_DELAY =
      new ServerSocketFactory() {
        @Override
        public ServerSocket createServerSocket() throws IOException {
          return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
              Socket s = super.accept();
              s.setTcpNoDelay(true);
              return s;
            }
          };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
          throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
          throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
            throws IOException {
          throw new UnsupportedOperationException();
        }
      };

  private TestSupport() {}

  /** Records every wait instead of sleeping, and advances the clock by it. */
  static final class RecordingSleeper implements dev.market.client.internal.Sleeper {
    final List<Duration> slept = new ArrayList<>();
    private final MutableClock clock;

    RecordingSleeper(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration d) {
      slept.add(d);
      clock.advance(d);
    }
  }

  /** A client for {@code server}: fixed clock, recorded sleeps, jitter fixed at one half. */
  static MarketClient.Builder client(
      MockWebServer server, MutableClock clock, RecordingSleeper sleeper) {
    String root = server.url("/").toString();
    return MarketClient.builder()
        .baseUrl(root)
        .identity(RENTER)
        .clock(clock)
        .sleeper(sleeper)
        .jitter(() -> 0.5)
        .retryBaseDelay(Duration.ofMillis(200))
        .maxRetryDelay(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse ok(String dataJson) {
    return json(200, "{\"success\":true,\"data\":" + dataJson + "}");
  }

  static String contractJson(String status) {
    return "{\"contract_id\":\""
        + CONTRACT_ID
        + "\",\"requester_pubkey\":\""
        + RENTER.publicKeyHex()
        + "\",\"offering_id\":\"gpu-1\",\"status\":\""
        + status
        + "\",\"created_at_ns\":1700000000000000000,\"some_future_field\":{\"x\":1}}";
  }

  static byte[] body(RecordedRequest r) {
    return r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
  }
}
