package dev.market.server.domain.search;

import java.math.BigDecimal;
import java.util.List;

/** One term of a search expression; the terms of an expression are joined by AND. */
public sealed interface Term {

  /** Whether a leading {@code -} or {@code !} asked for the rows that do NOT match. */
  boolean negated();

  /** Comparison operators of {@code field:>=n} and friends. */
  enum Op {
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The SQL (and expression) spelling. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * {@code field:value} or {@code field:(a OR b)} on a text field: any of the values matches
   * (equality or substring per {@link SearchField.Kind}), case-insensitively. Values are as typed.
   */
  record TextMatch(SearchField field, List<String> values, boolean negated) implements Term {
    public TextMatch {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code field:n} or {@code field:(n OR m)} on a numeric field: equal to any of the values.
   * Values are normalised: GB for capacities, major units for price.
   */
  record NumberMatch(SearchField field, List<BigDecimal> values, boolean negated) implements Term {
    public NumberMatch {
      values = List.copyOf(values);
    }
  }

  /** {@code field:[min TO max]}, both ends inclusive; {@code *} leaves an end open (null). */
  record Range(SearchField field, BigDecimal min, BigDecimal max, boolean negated)
      implements Term {}

  /** {@code field:>=n}, {@code :<=}, {@code :>}, {@code :<}. */
  record Comparison(SearchField field, Op op, BigDecimal value, boolean negated) implements Term {}

  /**
   * A word or quoted phrase without a field: a case-insensitive substring of the name, description
   * or product type, like a plain {@code q}.
   */
  record FreeText(String text, boolean negated) implements Term {}
}
