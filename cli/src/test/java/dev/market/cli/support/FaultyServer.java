package dev.market.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket that plays a broken marketplace, for the faults the real server cannot produce on
 * demand. Every connection reads one request's head and then suffers the same {@link Fault}; the
 * number of requests that arrived is counted, so a test can see how often the client tried.
 */
public final class FaultyServer implements AutoCloseable {
  /** What every request gets. */
  public enum Fault {
    /** Accepts, reads the request, never answers (until closed). */
    HANG,
    /** Reads the request head, then resets the connection (RST). */
    RESET,
    /** 200 with a Content-Length of 4096 and 23 bytes of JSON, then closes. */
    TRUNCATED,
    /** 200 with an HTML page, as a captive portal would send. */
    NOT_JSON,
    /** 200 with our envelope, whose data has the wrong shape: an object of mistyped fields. */
    WRONG_SHAPE
  }

  static final String HTML = "<html><body>Welcome to Hotel Wi-Fi</body></html>";
  static final String WRONG_SHAPE_BODY =
      "{\"success\":true,\"data\":{\"contract_id\":[1,2],\"status\":{\"is\":\"odd\"},"
          + "\"id\":\"seven\",\"offerings\":\"none\",\"enabled\":\"maybe\"}}";

  private final Fault fault;
  private final ServerSocket socket;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private final java.util.Map<String, String> healthy =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Answers requests whose first line starts with {@code requestLine} (e.g. {@code GET
   * /api/v1/offerings/7 }) with {@code data} in a 200 envelope, uncounted: for a command whose
   * fault should hit a later request (rent reads the offering before renting).
   */
  public FaultyServer healthy(String requestLine, String data) {
    healthy.put(requestLine, "{\"success\":true,\"data\":" + data + "}");
    return this;
  }

  public FaultyServer(Fault fault) {
    this.fault = fault;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    acceptor = new Thread(this::acceptLoop, "faulty-server-" + fault);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Requests whose head arrived so far. */
  public int requests() {
    return requests.get();
  }

  /**
   * The requests counted once at least {@code expected} have been, or {@code within} has passed.
   * The client may be done before this server has accepted its last connection or read its head (a
   * loaded machine runs these threads late), so a count read at once can lag the client.
   */
  public int requests(int expected, java.time.Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (requests.get() < expected && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return requests.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(s);
      Thread t = new Thread(() -> serve(s), "faulty-connection");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try {
      InputStream in = s.getInputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      for (var h : healthy.entrySet()) {
        if (head.startsWith(h.getKey())) {
          in.readNBytes(contentLength(head));
          answer(s.getOutputStream(), "application/json", h.getValue());
          return;
        }
      }
      requests.incrementAndGet();
      if (fault != Fault.RESET) {
        // unread bytes would make our close a reset, and the client would see that instead
        in.readNBytes(contentLength(head));
      }
      OutputStream out = s.getOutputStream();
      switch (fault) {
        case HANG -> {
          // hold the connection until the client gives up or the server closes
          while (in.read() >= 0) {
            // discard the body
          }
        }
        case RESET -> {
          s.setSoLinger(true, 0);
          s.close();
        }
        case TRUNCATED -> {
          out.write(
              head("application/json", 4096)
                  .concat("{\"success\":true,\"data\":")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          s.close();
        }
        case NOT_JSON -> answer(out, "text/html", HTML);
        case WRONG_SHAPE -> answer(out, "application/json", WRONG_SHAPE_BODY);
      }
    } catch (SocketException e) {
      // the client hung up: that is what it does against a broken server
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing twice is fine
      }
    }
  }

  private static void answer(OutputStream out, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(head(type, bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private static String head(String type, int length) {
    return String.join(
        "\r\n",
        "HTTP/1.1 200 OK",
        "Content-Type: " + type,
        "Content-Length: " + length,
        "Connection: close",
        "",
        "");
  }

  private static int contentLength(String head) {
    for (String line : head.lines().toList()) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  /** The request head up to its blank line; {@code null} when the client left first. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int state = 0; // how much of CR LF CR LF has been seen
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (b == '\r' && (state == 0 || state == 2)) {
        state++;
      } else if (b == '\n' && (state == 1 || state == 3)) {
        state++;
        if (state == 4) {
          return head.toString();
        }
      } else {
        state = b == '\r' ? 1 : 0;
      }
    }
    return null;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }
}
