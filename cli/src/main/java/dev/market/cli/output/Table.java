package dev.market.cli.output;

import dev.market.protocol.text.TerminalText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A plain-text table: columns separated by two spaces, headers in capitals. With a width limit
 * (stdout is a terminal) droppable columns are left out first, then the widest shrinkable columns
 * are cut down and truncated with {@code …}; without one (a pipe) nothing is cut. Styling (colour)
 * is applied after padding so escape codes never disturb the alignment.
 */
public final class Table {
  private static final String GAP = "  ";
  private static final int MIN_WIDTH = 6;

  /** How a column gives way when the table is too wide for the terminal. */
  private enum Give {
    /** Never cut. */
    NONE,
    /** Cut, widest first. */
    SHRINK,
    /** Cut only once the {@link #SHRINK} columns are at their minimum. */
    SHRINK_LAST,
    /** Left out entirely before anything is cut. */
    DROP
  }

  private final List<String> headers = new ArrayList<>();
  private final List<Give> gives = new ArrayList<>();
  private final List<UnaryOperator<String>> styles = new ArrayList<>();
  private final List<String[]> rows = new ArrayList<>();

  /** A column that is never truncated (ids, prices, statuses). */
  public Table column(String header) {
    return add(header, Give.NONE, UnaryOperator.identity());
  }

  /** A column that may be truncated to fit (names, descriptions). */
  public Table shrinkableColumn(String header) {
    return add(header, Give.SHRINK, UnaryOperator.identity());
  }

  /**
   * A column that may be truncated, but only after the other shrinkable ones are as narrow as they
   * go: what the reader came for (an offering's specs).
   */
  public Table shrinkLastColumn(String header) {
    return add(header, Give.SHRINK_LAST, UnaryOperator.identity());
  }

  /** A column left out when the table is too wide, before anything is cut (a provider key). */
  public Table droppableColumn(String header) {
    return add(header, Give.DROP, UnaryOperator.identity());
  }

  /** A fixed column whose padded cells pass through {@code style} (e.g. a coloured badge). */
  public Table styledColumn(String header, UnaryOperator<String> style) {
    return add(header, Give.NONE, style);
  }

  private Table add(String header, Give give, UnaryOperator<String> style) {
    headers.add(header);
    gives.add(give);
    styles.add(style);
    return this;
  }

  public Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cells[i] == null ? "" : clean(cells[i].toString());
    }
    rows.add(r);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * Cells hold server text: through the one sanitizer, so no control or format character (ESC, a
   * line break, a bidi override) reaches the terminal or breaks a row.
   */
  private static String clean(String s) {
    return TerminalText.line(s);
  }

  /**
   * Renders the table.
   *
   * @param maxWidth the terminal's columns, or 0 for no limit
   * @param styled whether to apply column styles (colour)
   */
  public String render(int maxWidth, boolean styled) {
    int n = headers.size();
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = headers.get(i).length();
      for (String[] r : rows) {
        widths[i] = Math.max(widths[i], r[i].codePointCount(0, r[i].length()));
      }
    }
    boolean[] shown = new boolean[n];
    Arrays.fill(shown, true);
    if (maxWidth > 0) {
      fit(widths, shown, maxWidth);
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, headers.toArray(new String[0]), widths, shown, false);
    for (String[] r : rows) {
      appendRow(out, r, widths, shown, styled);
    }
    return out.toString();
  }

  private static int total(int[] widths, boolean[] shown) {
    int sum = 0;
    int columns = 0;
    for (int i = 0; i < widths.length; i++) {
      if (shown[i]) {
        sum += widths[i];
        columns++;
      }
    }
    return sum + GAP.length() * Math.max(0, columns - 1);
  }

  private void fit(int[] widths, boolean[] shown, int maxWidth) {
    for (int i = 0; i < widths.length && total(widths, shown) > maxWidth; i++) {
      if (gives.get(i) == Give.DROP) {
        shown[i] = false;
      }
    }
    int total = total(widths, shown);
    while (total > maxWidth) {
      int widest = widest(widths, Give.SHRINK);
      if (widest < 0) {
        widest = widest(widths, Give.SHRINK_LAST);
      }
      if (widest < 0) {
        return; // nothing left to shrink: let the terminal wrap
      }
      widths[widest]--;
      total--;
    }
  }

  private int widest(int[] widths, Give give) {
    int widest = -1;
    for (int i = 0; i < widths.length; i++) {
      if (gives.get(i) == give
          && widths[i] > Math.max(MIN_WIDTH, headers.get(i).length())
          && (widest < 0 || widths[i] > widths[widest])) {
        widest = i;
      }
    }
    return widest;
  }

  private void appendRow(
      StringBuilder out, String[] cells, int[] widths, boolean[] shown, boolean styled) {
    int lastShown = cells.length - 1;
    while (lastShown > 0 && !shown[lastShown]) {
      lastShown--;
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (!shown[i]) {
        continue;
      }
      String cell = truncate(cells[i], widths[i]);
      boolean last = i == lastShown;
      String padded = last ? cell : pad(cell, widths[i]);
      if (styled && !cell.isEmpty()) {
        // style only the text, keep the padding plain
        String text = cell;
        padded = styles.get(i).apply(text) + padded.substring(text.length());
      }
      line.append(padded);
      if (!last) {
        line.append(GAP);
      }
    }
    out.append(stripTrailing(line)).append('\n');
  }

  private static String stripTrailing(StringBuilder s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  static String truncate(String s, int width) {
    int len = s.codePointCount(0, s.length());
    if (len <= width) {
      return s;
    }
    if (width <= 1) {
      return "…";
    }
    int cut = s.offsetByCodePoints(0, width - 1);
    return s.substring(0, cut) + "…";
  }

  private static String pad(String s, int width) {
    int len = s.codePointCount(0, s.length());
    return len >= width ? s : s + " ".repeat(width - len);
  }
}
