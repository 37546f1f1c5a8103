package dev.market.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.validation.Text;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Rules every value of a JSON request body obeys before any field is bound or computed with (issue
 * 13): a number has a bounded count of digits on each side of the point, so no arithmetic on it can
 * cost more than microseconds ({@code 1e-500000000} is 12 characters but half a billion digits once
 * scaled); text obeys {@link Text}. Each refusal is 422 naming the field.
 */
final class BodyRules {
  /** Digits before the decimal point: far above any price, count or id the protocol has. */
  static final int MAX_INTEGER_DIGITS = 30;

  /** Digits after the decimal point: prices keep 9, the rest is floored. */
  static final int MAX_FRACTION_DIGITS = 30;

  private BodyRules() {}

  static void check(JsonNode root) {
    check(root, "");
  }

  private static void check(JsonNode node, String path) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String name = Text.excerpt(e.getKey(), 60);
        if (Text.problem(e.getKey()) != null) {
          throw DomainException.invalid("body", "a field name " + Text.problem(e.getKey()));
        }
        check(e.getValue(), path.isEmpty() ? name : path + "." + name);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isNumber()) {
      checkNumber(node, path.isEmpty() ? "body" : path);
    } else if (node.isTextual()) {
      String problem = Text.problem(node.textValue());
      if (problem != null) {
        throw DomainException.invalid(path.isEmpty() ? "body" : path, problem);
      }
    }
  }

  private static void checkNumber(JsonNode node, String field) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return;
    }
    BigDecimal d = node.decimalValue();
    // scale and precision are read, never computed with: cheap for any exponent
    int fraction = Math.max(d.scale(), 0);
    long integer = (long) d.precision() - d.scale();
    if (fraction > MAX_FRACTION_DIGITS || integer > MAX_INTEGER_DIGITS) {
      throw DomainException.invalid(
          field,
          "number out of range: at most "
              + MAX_INTEGER_DIGITS
              + " digits before and "
              + MAX_FRACTION_DIGITS
              + " after the decimal point");
    }
  }
}
