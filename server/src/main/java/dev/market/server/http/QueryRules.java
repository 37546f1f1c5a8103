package dev.market.server.http;

import dev.market.server.domain.DomainException;
import dev.market.server.domain.validation.Text;
import java.util.List;
import java.util.Map;

/**
 * Every query parameter, known or not, obeys {@link Text} before any handler reads it (issue 13: a
 * NUL in {@code ?q=} or {@code ?country=} reached PostgreSQL and answered 500).
 */
final class QueryRules {
  private QueryRules() {}

  static void check(Map<String, List<String>> params) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      String name = e.getKey();
      if (Text.problem(name) != null) {
        throw DomainException.invalid("query", "a parameter name " + Text.problem(name));
      }
      for (String value : e.getValue()) {
        String problem = value == null ? null : Text.problem(value);
        if (problem != null) {
          throw DomainException.invalid(Text.excerpt(name, 60), problem);
        }
      }
    }
  }
}
