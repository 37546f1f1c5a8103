package dev.market.cli;

import dev.market.cli.config.MarketPaths;
import dev.market.client.auth.IdentityStore;
import dev.market.protocol.crypto.Identity;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The training run behind {@code bin/market}'s start-up archive (a CDS archive on JDK 17-24, an AOT
 * cache on 25+): whatever classes this run loads, the archive holds. It runs, in one JVM and with
 * the real process streams, what people run most: {@code --version}, {@code --help}, {@code
 * offerings list} in JSON and as a table, and the signed reads renters and CI jobs run ({@code
 * rentals -o json}, {@code status ID}) against a local socket that answers with canned offerings
 * and a canned contract, so the archive covers picocli's tree, loading a key and signing with
 * BouncyCastle, OkHttp's request and response path, Jackson reading offerings and contracts and the
 * renderers, not only a refused connection.
 *
 * <p>The commands run in a home of their own (a fresh 0700 directory, removed afterwards) with a
 * training identity, whatever {@code MARKET_HOME} says: the launcher remakes a stale archive in the
 * background of a user's command, and the training must neither read that user's config nor write
 * into their identities.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  private static final String OFFERINGS =
      """
      {"success":true,"data":[{"id":36,"pubkey":"88a32ae3d1ffb8dc2f52bc9199128c279040e81805fa256cba\
      32f03c60ad2b9a","offering_id":"net-ip-fsn","offer_name":"Additional IPv4","description":"One \
      more public IPv4 address.","product_type":"network","currency":"USD","monthly_price":2.99,\
      "setup_fee":0,"visibility":"public","stock_status":"in_stock","uplink_speed":"1 Gbit/s",\
      "unmetered_bandwidth":true,"datacenter_country":"DE","datacenter_city":"Falkenstein",\
      "min_contract_hours":1,"max_contract_hours":8760,"operating_systems":"Debian 12",\
      "billing_interval":"monthly","is_draft":false},{"id":1,"pubkey":"88a32ae3d1ffb8dc2f52bc9199\
      128c279040e81805fa256cba32f03c60ad2b9a","offering_id":"vps-nano-fsn","offer_name":"Nano VPS",\
      "description":"1 vCPU, 1 GB RAM.","product_type":"compute","currency":"USD",\
      "monthly_price":3.49,"setup_fee":0,"visibility":"public","stock_status":"in_stock",\
      "processor_brand":"AMD","processor_cores":1,"processor_name":"AMD EPYC 7443P",\
      "memory_amount":"1 GB","total_ssd_capacity":"25 GB NVMe","uplink_speed":"1 Gbit/s",\
      "unmetered_bandwidth":true,"datacenter_country":"DE","datacenter_city":"Falkenstein",\
      "min_contract_hours":1,"max_contract_hours":8760,"operating_systems":"Debian 12",\
      "billing_interval":"monthly","is_draft":false}]}""";

  private static final String CONTRACT_ID =
      "18ecd74a777b1491729ed078e57d79e8890c4ae5b0521968fb01d7bbd4ac0fe4";

  /** A canned contract of the training identity ($RENTER), as the marketplace sends it. */
  private static final String CONTRACT =
      """
      {"contract_id":"$ID","requester_pubkey":"$RENTER","requester_ssh_pubkey":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK8\
      RqtHiLvprCXaGyTxcJedbWL8qL9+G29z/FaIJGqrj renter@laptop","requester_contact":"email:renter@e\
      xample.org","provider_pubkey":"88a32ae3d1ffb8dc2f52bc9199128c279040e81805fa256cba32f03c60ad2b\
      9a","offering_id":"vps-nano-fsn","offering_name":"Nano VPS","payment_amount_e9s":9694444,\
      "currency":"USD","payment_method":"wallet","payment_status":"succeeded",\
      "start_timestamp_ns":1796047066246091921,"end_timestamp_ns":1796054266246091921,\
      "duration_hours":2,"created_at_ns":1796047066246091921,"status":"active",\
      "status_updated_at_ns":1796047166246091921,"provisioning_instance_details":"{\\"ip_address\\":\\"\
      203.0.113.7\\",\\"ssh_port\\":22,\\"ssh_user\\":\\"root\\"}",\
      "provisioning_completed_at_ns":1796047166246091921,"auto_renew":false,"escrow_e9s":9694444,\
      "refund_amount_e9s":0,"paid_out_e9s":0}""";

  /** The training identity's name, and its secret: it signs only requests to the canned socket. */
  static final String IDENTITY = "training";

  private static final byte[] SECRET = new byte[32];

  static {
    Arrays.fill(SECRET, (byte) 7);
  }

  /**
   * Runs the training. Its outcome is not reported: the launcher makes the archive from whatever
   * the run loaded (a failed training only costs speed), but an archive trained on failing commands
   * would hold less than the commands use, so {@code ArchiveTrainingTest} runs the same commands
   * and requires every one to succeed.
   */
  public static void main(String... args) throws IOException {
    train(new SystemRunner());
  }

  /** Runs one command line with {@code env} as its whole environment; answers its exit code. */
  interface Runner {
    int run(Map<String, String> env, String... args);
  }

  /** The training's commands, each through {@code runner}; the first failure's exit code, or 0. */
  static int train(Runner runner) throws IOException {
    Path home = Files.createTempDirectory("market-training-");
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Map<String, String> env = Map.of("MARKET_HOME", home.toString(), "MARKET_IDENTITY", IDENTITY);
      Identity identity = Identity.fromSecret(SECRET);
      new IdentityStore(MarketPaths.fromEnv(env).identitiesDir()).save(IDENTITY, identity, null);
      String contract =
          CONTRACT.replace("$ID", CONTRACT_ID).replace("$RENTER", identity.publicKeyHex());
      Thread serving = new Thread(new Canned(listener, contract), "canned-marketplace");
      serving.setDaemon(true);
      serving.start();
      String url = "http://127.0.0.1:" + listener.getLocalPort();
      String[][] commands = {
        {"--version"},
        {"--help"},
        {"offerings", "list", "-o", "json", "--api-url", url},
        {"offerings", "list", "--api-url", url},
        {"rentals", "-o", "json", "--api-url", url},
        {"status", CONTRACT_ID, "--api-url", url}
      };
      int failed = 0;
      for (String[] command : commands) {
        int code = runner.run(env, command);
        if (failed == 0) {
          failed = code;
        }
      }
      return failed;
    } finally {
      delete(home);
    }
  }

  /** Removes the training's home (no streams: what the training loads, every run loads). */
  private static void delete(Path dir) {
    delete(dir.toFile());
  }

  private static void delete(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        delete(child);
      }
    }
    if (!file.delete() && file.exists()) {
      file.deleteOnExit();
    }
  }

  /** With the real process streams, as people run the commands. */
  private static final class SystemRunner implements Runner {
    @Override
    public int run(Map<String, String> env, String... args) {
      return Main.run(CliContext.system(env), args);
    }
  }

  /**
   * {@code data} as one gzip member of stored (uncompressed) deflate blocks. The marketplace
   * compresses its answers and the client inflates them (OkHttp asks for gzip), so the training
   * answers the same way and the archive holds the inflating path; stored blocks keep the JDK's
   * deflater, which no command uses, out of it.
   */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(data.length + 64);
    b.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, 0, 10);
    int at = 0;
    do {
      int n = Math.min(0xffff, data.length - at);
      b.write(at + n == data.length ? 1 : 0); // BFINAL on the last block, BTYPE 00: stored
      littleEndian(b, n, 2);
      littleEndian(b, ~n & 0xffff, 2);
      b.write(data, at, n);
      at += n;
    } while (at < data.length);
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length);
    littleEndian(b, crc.getValue(), 4);
    littleEndian(b, data.length, 4);
    return b.toByteArray();
  }

  private static void littleEndian(ByteArrayOutputStream b, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      b.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  /**
   * Answers the requests the training makes, over a plain socket: a contract's path with the canned
   * contract, a user's contracts with a list of it, anything else with the canned offerings. The
   * JDK's HTTP server would put its own classes (a selector, an executor, a logger, about a hundred
   * more) into the archive, and an AOT cache loads every class it holds at each start.
   */
  private static final class Canned implements Runnable {
    private final ServerSocket listener;
    private final String contract;

    Canned(ServerSocket listener, String contract) {
      this.listener = listener;
      this.contract = contract;
    }

    @Override
    public void run() {
      byte[] offerings = answer(OFFERINGS);
      byte[] one = answer("{\"success\":true,\"data\":" + contract + "}");
      byte[] list = answer("{\"success\":true,\"data\":[" + contract + "]}");
      while (true) {
        try (Socket s = listener.accept()) {
          InputStream in = s.getInputStream();
          OutputStream out = s.getOutputStream();
          // one answer per request head (a GET has no body); the client may reuse the connection
          String target;
          while ((target = readHead(in)) != null) {
            if (target.startsWith("/api/v1/contracts/")) {
              out.write(one);
            } else if (target.startsWith("/api/v1/users/") && target.endsWith("/contracts")) {
              out.write(list);
            } else {
              out.write(offerings);
            }
            out.flush();
          }
        } catch (IOException e) {
          if (listener.isClosed()) {
            return;
          }
        }
      }
    }

    /** A whole 200 answer: head, and {@code json} as a gzip body. */
    private static byte[] answer(String json) {
      byte[] body = gzip(json.getBytes(StandardCharsets.UTF_8));
      byte[] head =
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] whole = Arrays.copyOf(head, head.length + body.length);
      System.arraycopy(body, 0, whole, head.length, body.length);
      return whole;
    }

    /**
     * Reads a request head up to the blank line that ends it; answers its path ({@code /path} of
     * {@code GET /path?query HTTP/1.1}), or null at the end of the stream.
     */
    private static String readHead(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      boolean first = true;
      int run = 0; // bytes of "\r\n\r\n" seen in a row
      int b;
      while ((b = in.read()) != -1) {
        run = (b == '\r' || b == '\n') ? run + 1 : 0;
        if (b == '\n') {
          first = false;
        } else if (first && b != '\r') {
          line.append((char) b);
        }
        if (run == 4) {
          int from = line.indexOf(" ") + 1;
          int to = line.indexOf(" ", from);
          String target = line.substring(from, to < 0 ? line.length() : to);
          int query = target.indexOf('?');
          return query < 0 ? target : target.substring(0, query);
        }
      }
      return null;
    }
  }
}
