package dev.market.server.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the demo-offerings resource. It exists because the domain layer may not
 * depend on Jackson (ArchitectureTest); the input is our own resource, so it reads exactly RFC 8259
 * JSON into maps, lists, strings, BigDecimals, booleans and null, and fails loudly on anything
 * else.
 */
final class DemoJson {
  private final String in;
  private int pos;

  private DemoJson(String in) {
    this.in = in;
  }

  static Object parse(String json) {
    DemoJson p = new DemoJson(json);
    Object value = p.value();
    p.skipWhitespace();
    if (p.pos != json.length()) {
      throw p.error("trailing characters");
    }
    return value;
  }

  private Object value() {
    skipWhitespace();
    if (pos >= in.length()) {
      throw error("unexpected end");
    }
    char c = in.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", true);
      case 'f' -> literal("false", false);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> out = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (peekIs('}')) {
      pos++;
      return out;
    }
    while (true) {
      skipWhitespace();
      if (!peekIs('"')) {
        throw error("expected a key");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      if (out.containsKey(key)) {
        throw error("duplicate key " + key);
      }
      out.put(key, value());
      skipWhitespace();
      if (peekIs(',')) {
        pos++;
      } else {
        expect('}');
        return out;
      }
    }
  }

  private List<Object> array() {
    List<Object> out = new ArrayList<>();
    pos++;
    skipWhitespace();
    if (peekIs(']')) {
      pos++;
      return out;
    }
    while (true) {
      out.add(value());
      skipWhitespace();
      if (peekIs(',')) {
        pos++;
      } else {
        expect(']');
        return out;
      }
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (pos < in.length()) {
      char c = in.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        if (pos >= in.length()) {
          break;
        }
        char e = in.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > in.length()) {
              throw error("short \\u escape");
            }
            out.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> throw error("bad escape \\" + e);
        }
      } else if (c < 0x20) {
        throw error("control character in string");
      } else {
        out.append(c);
      }
    }
    throw error("unclosed string");
  }

  private BigDecimal number() {
    int start = pos;
    while (pos < in.length() && "+-0123456789.eE".indexOf(in.charAt(pos)) >= 0) {
      pos++;
    }
    try {
      return new BigDecimal(in.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("unexpected character '" + in.charAt(start) + "'");
    }
  }

  private Object literal(String word, Object value) {
    if (!in.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (!peekIs(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private boolean peekIs(char c) {
    return pos < in.length() && in.charAt(pos) == c;
  }

  private void skipWhitespace() {
    while (pos < in.length() && " \t\r\n".indexOf(in.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalStateException error(String what) {
    return new IllegalStateException("demo-offerings.json: " + what + " at offset " + pos);
  }
}
