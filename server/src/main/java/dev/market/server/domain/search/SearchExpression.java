package dev.market.server.domain.search;

import dev.market.server.domain.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed search expression (docs/protocol.md section 4): terms joined by an implicit AND.
 *
 * <pre>
 *   type:(gpu OR compute) price:[50 TO 500] cores:&gt;=8 !stock:out_of_stock name:"two words"
 * </pre>
 *
 * <p>Parsing never throws anything but {@link DomainException}; input size is capped so a hostile
 * query cannot make the database work hard.
 */
public record SearchExpression(List<Term> terms) {

  public static final int MAX_LENGTH = 2_000;
  public static final int MAX_TERMS = 50;
  public static final int MAX_VALUES_PER_TERM = 20;

  /** Prices are bounded so that price x 10^9 always fits a BIGINT. */
  static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

  static final BigDecimal MAX_CAPACITY_GB = new BigDecimal("1000000000000");

  private static final Pattern DECIMAL = Pattern.compile("([0-9]+)(?:\\.([0-9]+))?");
  private static final Pattern INTEGER = Pattern.compile("[0-9]+");

  /** {@code &&}, {@code ||}, {@code &}, {@code |}: operators of other languages, not words. */
  private static final Pattern OPERATOR_LOOKALIKE = Pattern.compile("[&|]+");

  private static final int MAX_INTEGER_DIGITS = 15;
  private static final int MAX_PRICE_DECIMALS = 9;
  private static final int MAX_RATING_DECIMALS = 2;
  private static final BigDecimal MAX_RATING = BigDecimal.valueOf(5);

  public SearchExpression {
    terms = List.copyOf(terms);
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /**
   * Parses an expression; null or blank gives an empty expression (matches everything).
   *
   * @throws DomainException naming the bad field or token and its 1-based column
   */
  public static SearchExpression parse(String input) {
    if (input == null || input.isBlank()) {
      return new SearchExpression(List.of());
    }
    if (input.length() > MAX_LENGTH) {
      throw DomainException.searchSyntax(
          "search expression is too long: " + input.length() + " characters, at most " + MAX_LENGTH,
          0);
    }
    return new SearchExpression(new Parser(input).parseAll());
  }

  private static final class Parser {
    private final String in;
    private int pos;

    Parser(String in) {
      this.in = in;
    }

    List<Term> parseAll() {
      List<Term> terms = new ArrayList<>();
      int pendingAnd = -1; // where an explicit AND waits for the term after it
      while (true) {
        skipWhitespace();
        if (atEnd()) {
          if (pendingAnd >= 0) {
            throw error("'AND' needs a term after it", pendingAnd);
          }
          return terms;
        }
        int termStart = pos;
        Term term = parseTerm();
        if (term == null) {
          if (terms.isEmpty() || pendingAnd >= 0) {
            throw error("'AND' needs a term before it", termStart);
          }
          pendingAnd = termStart;
          continue;
        }
        pendingAnd = -1;
        if (terms.size() == MAX_TERMS) {
          throw error("too many terms: at most " + MAX_TERMS + " are allowed", termStart);
        }
        terms.add(term);
        if (!atEnd() && !isSpace(peek())) {
          throw error(unexpected(pos), pos);
        }
      }
    }

    /** Returns null for a bare AND, which only restates the implicit conjunction. */
    private Term parseTerm() {
      int start = pos;
      boolean negated = false;
      if (peek() == '-' || peek() == '!') {
        negated = true;
        pos++;
        if (atEnd() || isSpace(peek())) {
          throw error("expected a term after '" + in.charAt(start) + "'", start);
        }
      }
      if (peek() == '"') {
        int quoteAt = pos;
        String text = readQuoted();
        if (text.isBlank()) {
          throw error("empty quoted text", quoteAt);
        }
        return new Term.FreeText(text, negated);
      }
      int wordStart = pos;
      String word = readWord();
      if (!atEnd() && peek() == ':') {
        if (word.isEmpty()) {
          throw error("expected a field name before ':'", pos);
        }
        SearchField field =
            SearchField.byKey(word)
                .orElseThrow(
                    () ->
                        error(
                            "unknown field '" + word + "'",
                            wordStart,
                            "; known fields: " + SearchField.knownKeys()));
        pos++; // ':'
        return parseFieldValue(field, negated);
      }
      if (word.isEmpty()) {
        throw error(
            unexpected(pos),
            pos,
            "; parentheses and brackets go after a field, "
                + "e.g. type:(gpu OR compute) or price:[50 TO 500]");
      }
      if (word.equals("AND") && !negated) {
        return null;
      }
      if (OPERATOR_LOOKALIKE.matcher(word).matches()) {
        throw error(
            "'" + word + "' is not an operator here",
            wordStart,
            ": terms separated by spaces must all match (AND is implied);"
                + " for one of several values use a field's list, e.g. type:(gpu OR compute)");
      }
      if (word.equalsIgnoreCase("OR")) {
        throw error(
            "'" + word + "' works only inside a field's parentheses, e.g. type:(gpu OR compute)",
            wordStart);
      }
      return new Term.FreeText(word, negated);
    }

    private Term parseFieldValue(SearchField field, boolean negated) {
      if (atEnd() || isSpace(peek())) {
        throw error("expected a value for '" + field.key() + "'", pos);
      }
      char c = peek();
      if (c == '(') {
        return parseAnyOf(field, negated);
      }
      if (c == '[') {
        return parseRange(field, negated);
      }
      if (c == '>' || c == '<') {
        return parseComparison(field, negated);
      }
      int valueStart = pos;
      String value = readValue();
      return match(field, List.of(value), List.of(valueStart), negated);
    }

    private Term parseAnyOf(SearchField field, boolean negated) {
      int open = pos;
      pos++; // '('
      List<String> values = new ArrayList<>();
      List<Integer> columns = new ArrayList<>();
      while (true) {
        skipWhitespace();
        if (atEnd()) {
          throw error("unclosed '('", open);
        }
        if (peek() == ')') {
          if (values.isEmpty()) {
            throw error("empty '()' for '" + field.key() + "'", open);
          }
          pos++;
          return match(field, values, columns, negated);
        }
        if (!values.isEmpty()) {
          int orAt = pos;
          String or = readWord();
          if (!or.equalsIgnoreCase("OR")) {
            throw error(
                "expected 'OR' or ')' in the list for '" + field.key() + "'",
                orAt,
                ", got " + (or.isEmpty() ? describe(orAt) : "'" + or + "'"));
          }
          skipWhitespace();
          if (atEnd()) {
            throw error("unclosed '('", open);
          }
        }
        if (peek() == ')' || peek() == '(') {
          throw error("expected a value for '" + field.key() + "'", pos, ", got " + describe(pos));
        }
        if (values.size() == MAX_VALUES_PER_TERM) {
          throw error(
              "too many values for '" + field.key() + "': at most " + MAX_VALUES_PER_TERM, pos);
        }
        columns.add(pos);
        values.add(readValue());
      }
    }

    private Term parseRange(SearchField field, boolean negated) {
      int open = pos;
      if (!field.kind().numeric()) {
        throw textFieldCannotCompare(field, open);
      }
      pos++; // '['
      skipWhitespace();
      int minAt = pos;
      String min = readBound(open);
      skipWhitespace();
      int toAt = pos;
      String to = readWord();
      if (!to.equalsIgnoreCase("TO")) {
        if (atEnd()) {
          throw error("unclosed '['", open);
        }
        throw error(
            "expected 'TO' in the range for '" + field.key() + "'",
            toAt,
            ", got " + (to.isEmpty() ? describe(toAt) : "'" + to + "'"));
      }
      skipWhitespace();
      int maxAt = pos;
      String max = readBound(open);
      skipWhitespace();
      if (atEnd()) {
        throw error("unclosed '['", open);
      }
      if (peek() != ']') {
        throw error(
            "expected ']' to close the range for '" + field.key() + "'",
            pos,
            ", got " + describe(pos));
      }
      pos++;
      BigDecimal low = min.equals("*") ? null : number(field, min, minAt);
      BigDecimal high = max.equals("*") ? null : number(field, max, maxAt);
      if (low != null && high != null && low.compareTo(high) > 0) {
        throw error(
            "empty range for '" + field.key() + "': " + min + " is greater than " + max, open);
      }
      return new Term.Range(field, low, high, negated);
    }

    private String readBound(int open) {
      if (atEnd()) {
        throw error("unclosed '['", open);
      }
      int start = pos;
      while (!atEnd() && !isSpace(peek()) && peek() != ']' && peek() != '[') {
        pos++;
      }
      if (start == pos) {
        throw error("expected a number or '*' in the range", pos, ", got " + describe(pos));
      }
      return in.substring(start, pos);
    }

    private Term parseComparison(SearchField field, boolean negated) {
      int opAt = pos;
      if (!field.kind().numeric()) {
        throw textFieldCannotCompare(field, opAt);
      }
      char c = in.charAt(pos++);
      boolean orEqual = !atEnd() && peek() == '=';
      if (orEqual) {
        pos++;
      }
      Term.Op op =
          c == '>' ? (orEqual ? Term.Op.GE : Term.Op.GT) : (orEqual ? Term.Op.LE : Term.Op.LT);
      if (atEnd() || isSpace(peek())) {
        throw error("expected a number after '" + op.symbol() + "' for '" + field.key() + "'", pos);
      }
      int valueAt = pos;
      String value = readValue();
      return new Term.Comparison(field, op, number(field, value, valueAt), negated);
    }

    private Term match(
        SearchField field, List<String> values, List<Integer> columns, boolean negated) {
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i).isBlank()) {
          throw error("expected a value for '" + field.key() + "'", columns.get(i));
        }
      }
      if (!field.kind().numeric()) {
        for (int i = 0; i < values.size(); i++) {
          SearchValues.Problem p = SearchValues.problem(field, values.get(i));
          if (p != null) {
            throw error(p.what() + " for '" + field.key() + "'", columns.get(i), " " + p.valid());
          }
        }
        return new Term.TextMatch(field, values, negated);
      }
      List<BigDecimal> numbers = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        numbers.add(number(field, values.get(i), columns.get(i)));
      }
      return new Term.NumberMatch(field, numbers, negated);
    }

    private BigDecimal number(SearchField field, String token, int at) {
      switch (field.kind()) {
        case INTEGER -> {
          if (INTEGER.matcher(token).matches()) {
            if (token.length() > MAX_INTEGER_DIGITS) {
              throw error(
                  "number too large for '" + field.key() + "'", at, ", got '" + token + "'");
            }
            return new BigDecimal(token);
          }
          if (DECIMAL.matcher(token).matches()) {
            throw error(
                "expected a whole number for '" + field.key() + "'", at, ", got '" + token + "'");
          }
          throw expectedNumber(field, token, at);
        }
        case DECIMAL -> {
          Matcher m = DECIMAL.matcher(token);
          if (!m.matches()) {
            throw expectedNumber(field, token, at);
          }
          if (m.group(2) != null && m.group(2).length() > MAX_PRICE_DECIMALS) {
            throw error(
                "'" + field.key() + "' has at most " + MAX_PRICE_DECIMALS + " decimal places",
                at,
                ", got '" + token + "'");
          }
          if (m.group(1).length() > MAX_INTEGER_DIGITS
              || new BigDecimal(token).compareTo(MAX_PRICE) > 0) {
            throw error(
                "'" + field.key() + "' is at most " + MAX_PRICE.toPlainString(),
                at,
                ", got '" + token + "'");
          }
          return new BigDecimal(token);
        }
        case RATING -> {
          Matcher m = DECIMAL.matcher(token);
          if (!m.matches()) {
            throw expectedNumber(field, token, at);
          }
          if (m.group(2) != null && m.group(2).length() > MAX_RATING_DECIMALS) {
            throw error(
                "'" + field.key() + "' has at most " + MAX_RATING_DECIMALS + " decimal places",
                at,
                ", got '" + token + "'");
          }
          if (new BigDecimal(token).compareTo(MAX_RATING) > 0) {
            throw error(
                "'" + field.key() + "' is an average of 1-5 ratings, at most 5",
                at,
                ", got '" + token + "'");
          }
          return new BigDecimal(token);
        }
        case CAPACITY -> {
          BigDecimal gb;
          try {
            gb = Capacity.searchValueToGb(token);
          } catch (IllegalArgumentException e) {
            throw error(
                "expected a size for '" + field.key() + "'",
                at,
                ", got '" + token + "' (a size is like 16, 16GB or 1TB; a bare number is GB)");
          }
          if (gb.compareTo(MAX_CAPACITY_GB) > 0) {
            throw error("size too large for '" + field.key() + "'", at, ", got '" + token + "'");
          }
          return gb;
        }
        default -> throw new IllegalStateException("not numeric: " + field);
      }
    }

    private DomainException expectedNumber(SearchField field, String token, int at) {
      return error("expected a number for '" + field.key() + "'", at, ", got '" + token + "'");
    }

    private DomainException textFieldCannotCompare(SearchField field, int at) {
      return error(
          "'"
              + field.key()
              + "' is a text field; comparisons and ranges work only on numeric fields "
              + "(price, cores, memory, ssd, hdd, gpu_count, gpu_memory, min_hours, max_hours, "
              + "trust, rating, reviews)",
          at);
    }

    /** A run of characters up to whitespace or one of the reserved characters. */
    private String readWord() {
      int start = pos;
      while (!atEnd() && !isSpace(peek()) && !isReserved(peek())) {
        checkPrintable();
        pos++;
      }
      return in.substring(start, pos);
    }

    /** A quoted string, or a bare value that ends at whitespace or a reserved character. */
    private String readValue() {
      if (peek() == '"') {
        return readQuoted();
      }
      int start = pos;
      String word = readWord();
      if (word.isEmpty()) {
        throw error("expected a value", start, ", got " + describe(start));
      }
      return word;
    }

    private String readQuoted() {
      int open = pos;
      pos++; // opening quote
      StringBuilder out = new StringBuilder();
      while (true) {
        if (atEnd()) {
          throw error("unclosed '\"'", open);
        }
        char c = in.charAt(pos);
        if (c == '"') {
          pos++;
          return out.toString();
        }
        if (c == '\\' && pos + 1 < in.length()) {
          char next = in.charAt(pos + 1);
          if (next == '"' || next == '\\') {
            out.append(next);
            pos += 2;
            continue;
          }
        }
        checkPrintable();
        out.append(c);
        pos++;
      }
    }

    private void checkPrintable() {
      char c = in.charAt(pos);
      if (Character.isISOControl(c)) {
        throw error(
            String.format(Locale.ROOT, "unexpected control character U+%04X", (int) c), pos);
      }
    }

    private void skipWhitespace() {
      while (!atEnd() && isSpace(peek())) {
        pos++;
      }
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0';
    }

    private static boolean isReserved(char c) {
      return c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
    }

    private boolean atEnd() {
      return pos >= in.length();
    }

    private char peek() {
      return in.charAt(pos);
    }

    private String describe(int at) {
      return at >= in.length() ? "the end of the expression" : "'" + in.charAt(at) + "'";
    }

    private String unexpected(int at) {
      return "unexpected " + describe(at);
    }

    private DomainException error(String message, int index) {
      return error(message, index, "");
    }

    /** "message at column N" + tail, so the column sits right after what it points at. */
    private DomainException error(String message, int index, String tail) {
      int column = index + 1;
      return DomainException.searchSyntax(message + " at column " + column + tail, column);
    }
  }
}
