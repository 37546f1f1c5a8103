package dev.market.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The training run behind {@code bin/market}'s start-up archive (a CDS archive on JDK 17-24, an AOT
 * cache on 25+): whatever classes this run loads, the archive holds. It runs, in one JVM and with
 * the real process streams, what people run most: {@code --version}, {@code --help}, and {@code
 * offerings list} in JSON and as a table against a local socket that answers with two canned
 * offerings, so the archive covers picocli's tree, OkHttp's request and response path, Jackson
 * reading offerings and the renderers, not only a refused connection.
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

  /**
   * Runs the training. Its outcome is not reported: the launcher makes the archive from whatever
   * the run loaded (a failed training only costs speed), but an archive trained on failing commands
   * would hold less than the commands use, so {@code ArchiveTrainingTest} runs the same commands
   * and requires every one to succeed.
   */
  public static void main(String... args) throws IOException {
    train(new SystemRunner());
  }

  /** Runs one command line; answers its exit code. */
  interface Runner {
    int run(String... args);
  }

  /** The training's commands, each through {@code runner}; the first failure's exit code, or 0. */
  static int train(Runner runner) throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(new Canned(listener), "canned-offerings");
      serving.setDaemon(true);
      serving.start();
      String url = "http://127.0.0.1:" + listener.getLocalPort();
      String[][] commands = {
        {"--version"},
        {"--help"},
        {"offerings", "list", "-o", "json", "--api-url", url},
        {"offerings", "list", "--api-url", url}
      };
      int failed = 0;
      for (String[] command : commands) {
        int code = runner.run(command);
        if (failed == 0) {
          failed = code;
        }
      }
      return failed;
    }
  }

  /** With the real process streams, as people run the commands. */
  private static final class SystemRunner implements Runner {
    @Override
    public int run(String... args) {
      return Main.run(CliContext.system(), args);
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
   * Answers every request on every connection with the canned offerings, over a plain socket: the
   * JDK's HTTP server would put its own classes (a selector, an executor, a logger, about a hundred
   * more) into the archive, and an AOT cache loads every class it holds at each start.
   */
  private static final class Canned implements Runnable {
    private final ServerSocket listener;

    Canned(ServerSocket listener) {
      this.listener = listener;
    }

    @Override
    public void run() {
      byte[] body = gzip(OFFERINGS.getBytes(StandardCharsets.UTF_8));
      byte[] head =
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      while (true) {
        try (Socket s = listener.accept()) {
          InputStream in = s.getInputStream();
          OutputStream out = s.getOutputStream();
          // one answer per request head (a GET has no body); the client may reuse the connection
          while (readHead(in)) {
            out.write(head);
            out.write(body);
            out.flush();
          }
        } catch (IOException e) {
          if (listener.isClosed()) {
            return;
          }
        }
      }
    }

    /** Reads up to the blank line that ends a request head; false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
      int run = 0; // bytes of "\r\n\r\n" seen in a row
      int b;
      while ((b = in.read()) != -1) {
        run = (b == '\r' || b == '\n') ? run + 1 : 0;
        if (run == 4) {
          return true;
        }
      }
      return false;
    }
  }
}
