package dev.market.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * {@code --jq EXPR}: a jq program (jackson-jq, jq 1.6 semantics) run over the document a command
 * would print with {@code -o json}. Compiled while the options are read, so a broken expression is
 * a usage error before anything is sent.
 */
public final class JqFilter {
  private final String expression;
  private final JsonQuery query;

  private JqFilter(String expression, JsonQuery query) {
    this.expression = expression;
    this.query = query;
  }

  /**
   * Compiles {@code expression}.
   *
   * @throws CliException exit 2 with jq's own account of what is wrong
   */
  public static JqFilter compile(String expression) {
    if (expression == null || expression.isBlank()) {
      throw CliException.usage("--jq: the expression is empty", "--jq '.[].contract_id'");
    }
    try {
      return new JqFilter(expression, JsonQuery.compile(expression, Versions.JQ_1_6));
    } catch (JsonQueryException | RuntimeException e) {
      throw CliException.usage(
          "--jq: '" + expression + "' is not a valid jq expression: " + reason(e),
          "--jq '.[].contract_id' (jq 1.6 syntax; fields in docs/json.md)");
    }
  }

  /**
   * The results of running the program on {@code input}, in order.
   *
   * @throws CliException exit 2 when the program fails on this input (e.g. indexes a string)
   */
  public List<JsonNode> apply(JsonNode input) {
    Scope scope = Scope.newChildScope(Builtins.ROOT);
    List<JsonNode> results = new ArrayList<>();
    try {
      query.apply(scope, input, results::add);
    } catch (JsonQueryException | RuntimeException e) {
      throw CliException.usage(
          "--jq: '" + expression + "' failed on the output: " + reason(e),
          "run it with -o json and without --jq to see the fields");
    }
    return results;
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return m.strip().replaceAll("\\s+", " ");
  }

  /** jq's built-in functions, loaded once and only when a filter runs. */
  private static final class Builtins {
    static final Scope ROOT = Scope.newEmptyScope();

    static {
      BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, ROOT);
    }
  }
}
