package dev.market.cli.output;

import dev.market.protocol.text.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

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

  /**
   * Adds a line whose sanitized value then passes through {@code style} (a coloured badge): the
   * escape codes are ours, so they come after the sanitizer, which would otherwise leave a literal
   * {@code [32m} on the terminal.
   */
  public Details add(String label, String value, UnaryOperator<String> style) {
    if (value != null && !value.isBlank()) {
      lines.add(new String[] {label, style.apply(clean(value))});
    }
    return this;
  }

  /** Values hold server text: through the one sanitizer, like table cells and errors. */
  private static String clean(String s) {
    return TerminalText.line(s.strip());
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
