package dev.market.client.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain HTTP/1.1 proxy in front of a real server (ours or the Decent Cloud fake) that can lose
 * one answer: the request is forwarded and fully answered upstream, then the client's connection is
 * closed instead of passing the answer on. That is the rent whose outcome the client cannot know (a
 * proxy timeout, a reset after the body was sent), produced without touching the server.
 *
 * <p>Each request goes upstream on a connection of its own; the answer is read by its {@code
 * Content-Length} or its chunks.
 */
public final class AnswerDroppingProxy implements AutoCloseable {
  /** One request as it passed through. */
  public record Seen(String method, String path, Map<String, String> headers, boolean dropped) {
    /** {@code POST /api/v1/contracts}. */
    public String line() {
      return method + " " + path;
    }
  }

  private final String upstreamHost;
  private final int upstreamPort;
  private final ServerSocket socket;
  private final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  /** A proxy to {@code upstream}, e.g. {@code http://127.0.0.1:8787}. */
  public AnswerDroppingProxy(String upstream) {
    URI u = URI.create(upstream);
    this.upstreamHost = u.getHost();
    this.upstreamPort = u.getPort();
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Thread t = new Thread(this::acceptLoop, "answer-dropping-proxy");
    t.setDaemon(true);
    t.start();
  }

  /** The root to give the client instead of the server's. */
  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /**
   * The next request {@code method path} (path without query) reaches the server; its answer is
   * lost.
   */
  public void dropNextAnswer(String method, String path) {
    drops.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Every request that passed, in order. */
  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(client);
      Thread t = new Thread(() -> serve(client), "answer-dropping-proxy-connection");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        List<String> lines = new ArrayList<>(List.of(head.split("\r\n", -1)));
        String first = lines.get(0);
        String method = first.substring(0, first.indexOf(' '));
        String target = first.substring(method.length() + 1, first.lastIndexOf(' '));
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        int length = 0;
        StringBuilder upstreamHead = new StringBuilder(lines.get(0)).append("\r\n");
        for (String h : lines.subList(1, lines.size())) {
          int colon = h.indexOf(':');
          String name = h.substring(0, colon).strip();
          String value = h.substring(colon + 1).strip();
          headers.put(name, value);
          if (name.equalsIgnoreCase("Content-Length")) {
            length = Integer.parseInt(value);
          }
          upstreamHead.append(h).append("\r\n");
        }
        upstreamHead.append("\r\n");
        byte[] body = in.readNBytes(length);
        byte[] answer;
        try (Socket up = new Socket(upstreamHost, upstreamPort)) {
          OutputStream upOut = up.getOutputStream();
          upOut.write(upstreamHead.toString().getBytes(StandardCharsets.ISO_8859_1));
          upOut.write(body);
          upOut.flush();
          answer = readAnswer(up.getInputStream());
        }
        AtomicInteger drop = drops.get(method + " " + path);
        boolean dropped = drop != null && drop.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        seen.add(new Seen(method, path, headers, dropped));
        if (dropped) {
          return; // the server acted; the client hears the connection close instead
        }
        out.write(answer);
        out.flush();
        String answerHead =
            new String(answer, 0, Math.min(answer.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (answerHead.contains("\r\nconnection: close")) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to pass on
    }
  }

  /** One whole answer: its head, then a body by Content-Length, by chunks, or up to the end. */
  private static byte[] readAnswer(InputStream in) throws IOException {
    String head = readHead(in);
    if (head == null) {
      throw new IOException("the server closed without answering");
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    String lower = head.toLowerCase(Locale.ROOT);
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("\r\ncontent-length: *([0-9]+)").matcher(lower);
    if (length.find()) {
      b.write(in.readNBytes(Integer.parseInt(length.group(1))));
    } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
      while (true) {
        String sizeLine = readLine(in);
        b.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        int semi = sizeLine.indexOf(';');
        int size =
            Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
        if (size == 0) {
          String trailer;
          do {
            trailer = readLine(in);
            b.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          } while (!trailer.isEmpty());
          break;
        }
        b.write(in.readNBytes(size));
        b.write((readLine(in) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
    } else {
      b.write(in.readAllBytes());
    }
    return b.toByteArray();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int prev = -1;
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("the answer ended early");
      }
      if (prev == '\r' && c == '\n') {
        byte[] line = b.toByteArray();
        return new String(line, 0, line.length - 1, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
      prev = c;
    }
  }

  /** The request head up to the blank line, or {@code null} at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      b.write(c);
      matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.substring(0, s.length() - 4);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
