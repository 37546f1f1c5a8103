package dev.market.cli.output;

import java.util.ArrayList;
import java.util.List;

/** A detail view: one {@code label value} line per present field, labels aligned. */
public final class Details {
  private final List<String[]> lines = new ArrayList<>();

  /** Adds a line unless {@code value} is null or blank. */
  public Details add(String label, Object value) {
    if (value != null && !value.toString().isBlank()) {
      lines.add(new String[] {label, clean(value.toString())});
    }
    return this;
  }

  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    return b.toString().strip();
  }

  public String render() {
    int w = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String[] l : lines) {
      out.append(l[0]).append(":").append(" ".repeat(w - l[0].length() + 2)).append(l[1]);
      out.append('\n');
    }
    return out.toString();
  }
}
