package dev.market.protocol.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.market.protocol.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords and other secrets from text a server sent, before anything can show it. Decent
 * Cloud stores a provider's instance details verbatim, {@code root_password} included, and returns
 * them in every contract (api/src/database/contracts/provisioning.rs:11-150 at 13dda9de); providers
 * also type free text there. The only way a user sees a password is {@code market credentials},
 * which decrypts the copy encrypted to the renter.
 *
 * <p>JSON: every member whose name looks like a secret ({@link #isSecretName}) is dropped, at any
 * depth, and every string value is cleaned as free text. Free text: the value after a password-like
 * word and a {@code :}, {@code =} or {@code is} becomes {@code ***}. Text with nothing to remove is
 * returned unchanged, byte for byte.
 */
public final class Secrets {
  /** What replaces a secret value in free text. */
  public static final String MASK = "***";

  private static final List<String> SECRET_WORDS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "token",
          "private_key",
          "privatekey",
          "api_key",
          "apikey",
          "credential");

  /**
   * A password-like word, an optional closing quote, then {@code :}, {@code =} or {@code is}, then
   * the value: a quoted string or one word.
   */
  private static final Pattern IN_TEXT =
      Pattern.compile(
          "(?i)(\\b[a-z0-9_-]*(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key"
              + "|private[_-]?key)\\b[\"']?\\s*(?:[:=]|\\s(?:is|was)\\s)\\s*)"
              + "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,;]+)");

  private Secrets() {}

  /**
   * Whether a JSON member of this name holds a secret ({@code root_password}, {@code apiToken}).
   */
  public static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "_");
    if (n.equals("pwd") || n.endsWith("_pwd") || n.equals("pass")) {
      return true;
    }
    String squashed = n.replace("_", "");
    for (String w : SECRET_WORDS) {
      if (n.contains(w) || squashed.contains(w.replace("_", ""))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code text} without secrets: a JSON document loses its secret members, anything else has the
   * values after password-like words masked. {@code null} stays {@code null}.
   */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String t = text.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        JsonNode tree = Json.mapper().readTree(t);
        if (tree != null && (tree.isObject() || tree.isArray()) && clean(tree)) {
          return Json.mapper().writeValueAsString(tree);
        }
        if (tree != null && (tree.isObject() || tree.isArray())) {
          return text;
        }
      } catch (IOException e) {
        // not JSON after all (or cut short): treat it as free text below
      }
    }
    return redactText(text);
  }

  /** Free text with the value after every password-like word masked. */
  public static String redactText(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = IN_TEXT.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + MASK));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  /** Drops secret members and masks secrets in string values; whether anything changed. */
  private static boolean clean(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode o) {
      List<String> drop = new ArrayList<>();
      List<Map.Entry<String, String>> rewrite = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        JsonNode v = e.getValue();
        if (isSecretName(e.getKey())) {
          drop.add(e.getKey());
        } else if (v.isTextual()) {
          String r = redactText(v.asText());
          if (!r.equals(v.asText())) {
            rewrite.add(Map.entry(e.getKey(), r));
          }
        } else {
          changed |= clean(v);
        }
      }
      drop.forEach(o::remove);
      rewrite.forEach(e -> o.set(e.getKey(), TextNode.valueOf(e.getValue())));
      changed |= !drop.isEmpty() || !rewrite.isEmpty();
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isTextual()) {
          String r = redactText(v.asText());
          if (!r.equals(v.asText())) {
            a.set(i, TextNode.valueOf(r));
            changed = true;
          }
        } else {
          changed |= clean(v);
        }
      }
    }
    return changed;
  }
}
