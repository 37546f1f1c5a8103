package dev.market.server.http;

import java.io.EOFException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Failures that mean the client sent a broken HTTP message (a body that ends before its
 * Content-Length, a chunk size that is not hex), wherever Jetty raises them: 400, never 500.
 */
final class TransportErrors {
  private TransportErrors() {}

  static boolean isClientMistake(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if ((t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500)
          || t instanceof EofException
          || t instanceof EOFException
          || badPercentEncoding(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Javalin decodes path parameters with URLDecoder, which throws on a stray '%' ("/offerings/;%")
   * before any handler runs; Jetty lets such a path through.
   */
  private static boolean badPercentEncoding(Throwable t) {
    if (!(t instanceof IllegalArgumentException)) {
      return false;
    }
    StackTraceElement[] frames = t.getStackTrace();
    return frames.length > 0 && frames[0].getClassName().equals("java.net.URLDecoder");
  }

  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (badPercentEncoding(t)) {
        return "the path is not valid percent-encoding";
      }
      if (t instanceof HttpException) {
        return "the HTTP message is malformed";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "the body ended early";
  }
}
