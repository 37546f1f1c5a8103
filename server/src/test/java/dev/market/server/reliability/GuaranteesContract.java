package dev.market.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.DatabaseDump;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of docs/reliability.md that the fuzzer and the race suites do not hold: replay and
 * bit flips, idempotency under concurrent retries, the authorization matrix, the secret scan. Run
 * on SQLite and PostgreSQL; sized by {@code -Dreliability.rounds=N}.
 */
abstract class GuaranteesContract {
  abstract TestDatabases.Kind kind();

  Fixture fx() {
    return Fixture.of(kind());
  }

  private Raw.Reply signed(
      Identity who, String method, String path, String body, String ts, String nonce) {
    return fx().m
        .raw
        .send(
            s -> {
              s.identity = who;
              s.method = method;
              s.path = path;
              s.body = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
              s.timestamp = ts;
              s.nonce = nonce;
              return s;
            });
  }

  // ------------------------------------------------------------------ replay and bit flips

  @Test
  void no_replay_and_no_single_bit_flip_of_a_signed_request_is_accepted() {
    Random random = new Random(13);
    String path = "/api/v1/users/" + fx().renter.publicKeyHex() + "/contracts";
    int refused = 0;
    for (int round = 0; round < Fixture.ROUNDS; round++) {
      String ts = fx().m.raw.nowNs();
      String nonce = UUID.randomUUID().toString();
      assertThat(signed(fx().renter, "GET", path, null, ts, nonce).status()).isEqualTo(200);
      assertThat(signed(fx().renter, "GET", path, null, ts, nonce).status())
          .as("replay")
          .isEqualTo(401);
      refused++;
      // one bit flipped in the signature, the nonce, the timestamp or the path: never 200
      String nonce2 = UUID.randomUUID().toString();
      byte[] sig =
          fx().renter
              .sign(
                  dev.market.protocol.crypto.RequestSigning.message(
                      ts, nonce2, "GET", path, new byte[0]));
      int part = random.nextInt(4);
      String flippedPath = part == 3 ? flip(path, random, 20) : path;
      String flippedTs = part == 2 ? flip(ts, random, 0) : ts;
      String flippedNonce = part == 1 ? flip(nonce2, random, 0) : nonce2;
      byte[] flippedSig = sig.clone();
      if (part == 0) {
        flippedSig[random.nextInt(sig.length)] ^= (byte) (1 << random.nextInt(8));
      }
      String hexSig = dev.market.protocol.crypto.Hex.encode(flippedSig);
      Raw.Reply r =
          fx().m
              .raw
              .send(
                  s -> {
                    s.path = flippedPath;
                    s.headers.put("X-Public-Key", fx().renter.publicKeyHex());
                    s.headers.put("X-Timestamp", flippedTs);
                    s.headers.put("X-Nonce", flippedNonce);
                    s.headers.put("X-Signature", hexSig);
                    return s;
                  });
      assertThat(r.status()).as("part " + part + ": " + r).isBetween(400, 499);
      refused++;
    }
    assertThat(refused).isEqualTo(2 * Fixture.ROUNDS);
  }

  /** One bit of one character flipped, staying printable ASCII so it still travels as a header. */
  private static String flip(String s, Random random, int from) {
    char[] c = s.toCharArray();
    for (; ; ) {
      int i = from + random.nextInt(c.length - from);
      char f = (char) (c[i] ^ (1 << random.nextInt(7)));
      if (f > ' ' && f < 127 && f != '?' && f != '#' && f != '%' && f != c[i]) {
        c[i] = f;
        return new String(c);
      }
    }
  }

  // ------------------------------------------------------------------ idempotency

  @Test
  void concurrent_retries_with_one_idempotency_key_make_one_rental() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < Math.max(5, Fixture.ROUNDS / 6); round++) {
        String key = "rel-" + UUID.randomUUID();
        String body = Market.rentBody(fx().offering);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Raw.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          calls.add(
              pool.submit(
                  () -> {
                    go.await();
                    return fx().m
                        .raw
                        .send(
                            s -> {
                              s.identity = fx().renter;
                              s.method = "POST";
                              s.path = "/api/v1/contracts";
                              s.body = body.getBytes(StandardCharsets.UTF_8);
                              s.headers.put("Idempotency-Key", key);
                              return s;
                            });
                  }));
        }
        go.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<Raw.Reply> f : calls) {
          Raw.Reply r = f.get();
          // a retry that meets the first one mid-flight may be told to retry (409), never 5xx
          assertThat(r.status()).as(r.toString()).isIn(200, 409);
          if (r.status() == 200) {
            ids.add(r.data().get("contractId").asText());
          }
        }
        assertThat(ids).as("round " + round).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ authorization matrix

  @Test
  void every_signed_endpoint_refuses_the_unsigned_and_the_stranger() {
    String id = fx().m.rent(fx().renter, fx().offering);
    String p = fx().provider.publicKeyHex();
    String r = fx().renter.publicKeyHex();
    // method, path, body, who may (renter/provider/anyone), stranger's expected refusal
    String[][] matrix = {
      {"GET", "/api/v1/contracts/" + id, null, "both", "404"},
      {"GET", "/api/v1/contracts/" + id + "/events", null, "both", "404"},
      {"GET", "/api/v1/contracts/" + id + "/credentials", null, "renter", "404"},
      {"PUT", "/api/v1/contracts/" + id + "/cancel", "{}", "renter", "404"},
      {
        "POST",
        "/api/v1/provider/rental-requests/" + id + "/respond",
        "{\"accept\":true}",
        "provider",
        "404"
      },
      {
        "PUT",
        "/api/v1/provider/rental-requests/" + id + "/provisioning",
        "{\"status\":\"provisioning\"}",
        "provider",
        "404"
      },
      {"GET", "/api/v1/users/" + r + "/contracts", null, "renter", "403"},
      {"GET", "/api/v1/providers/" + p + "/contracts", null, "provider", "403"},
      {"POST", "/api/v1/providers/" + p + "/offerings", "{}", "provider", "403"},
      {"GET", "/api/v1/users/" + r + "/notifications", null, "renter", "403"},
      {"GET", "/api/v1/users/" + r + "/notifications/unread-count", null, "renter", "403"},
      {"POST", "/api/v1/users/" + r + "/notifications/mark-read", "{\"ids\":[]}", "renter", "403"},
      {"GET", "/api/v1/provider/rental-requests/pending", null, "anyone", ""},
      {"GET", "/api/v1/provider/settings/auto-accept", null, "anyone", ""},
      {"POST", "/api/v1/contracts", "{}", "anyone", ""},
    };
    int cells = 0;
    for (String[] row : matrix) {
      Raw.Reply unsigned = fx().m.raw.send(null, row[0], row[1], row[2]);
      assertThat(unsigned.status()).as("unsigned " + row[0] + " " + row[1]).isEqualTo(401);
      cells++;
      if (!row[4].isEmpty()) {
        Raw.Reply stranger = fx().m.raw.send(fx().stranger, row[0], row[1], row[2]);
        assertThat(stranger.status())
            .as("stranger " + row[0] + " " + row[1] + " " + stranger)
            .isEqualTo(Integer.parseInt(row[4]));
        cells++;
      }
      Identity wrongParty =
          switch (row[3]) {
            case "renter" -> fx().provider;
            case "provider" -> fx().renter;
            default -> null;
          };
      if (wrongParty != null) {
        Raw.Reply wrong = fx().m.raw.send(wrongParty, row[0], row[1], row[2]);
        assertThat(wrong.status())
            .as("wrong party " + row[0] + " " + row[1] + " " + wrong)
            .isIn(403, 404);
        cells++;
      }
    }
    assertThat(cells).isGreaterThanOrEqualTo(35);
  }

  // ------------------------------------------------------------------ secret scan

  @Test
  void no_password_appears_in_any_answer_log_or_stored_byte() throws Exception {
    String secret = "Rel-" + UUID.randomUUID();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream err = System.err;
    List<String> answers = new ArrayList<>();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      Market m = fx().m;
      String ok = m.rent(fx().renter, fx().offering);
      m.driveTo(fx().provider, ok, "provisioning");
      String details =
          "{\"ip_address\":\"203.0.113.9\",\"ssh_user\":\"root\",\"root_password\":\""
              + secret
              + "\"}";
      answers.add(m.provision(fx().provider, ok, "provisioned", details).text());
      String failed = m.rent(fx().renter, fx().offering);
      m.driveTo(fx().provider, failed, "provisioning");
      answers.add(m.provision(fx().provider, failed, "provisioningfailed", details).text());
      String cancelled = m.rent(fx().renter, fx().offering);
      m.driveTo(fx().provider, cancelled, "accepted");
      answers.add(
          m.provision(fx().provider, cancelled, "cancelled", "root_password=" + secret).text());
      for (String id : List.of(ok, failed, cancelled)) {
        for (String suffix : List.of("", "/events", "/credentials")) {
          answers.add(m.raw.get(fx().renter, "/api/v1/contracts/" + id + suffix).text());
        }
      }
      for (Identity who : List.of(fx().renter, fx().provider)) {
        answers.add(
            m.raw.get(who, "/api/v1/users/" + who.publicKeyHex() + "/notifications").text());
        answers.add(m.raw.get(who, "/api/v1/users/" + who.publicKeyHex() + "/contracts").text());
        answers.add(
            m.raw.get(who, "/api/v1/providers/" + who.publicKeyHex() + "/contracts").text());
      }
    } finally {
      System.setErr(err);
    }
    answers.add(log.toString(StandardCharsets.UTF_8));
    for (String[] cell : fx().storedText()) {
      answers.add(cell[0] + "=" + cell[1]);
    }
    String dump = DatabaseDump.of(kind(), fx().server.db);
    assertThat(dump).contains(fx().renter.publicKeyHex()); // the dump did read the contracts
    answers.add(dump);
    for (String a : answers) {
      assertThat(a).doesNotContain(secret);
    }
    assertThat(answers).hasSizeGreaterThan(15);
  }
}
