package dev.market.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.market.protocol.json.Json;
import java.io.PrintWriter;
import java.util.Collection;

/**
 * Prints results on stdout in the chosen {@link OutputFormat}. JSON goes through the one shared
 * mapper so objects appear exactly as on the wire (snake_case for offerings and contracts).
 */
public final class Printer {
  private final PrintWriter out;
  private final OutputFormat format;
  private final int width;
  private final Style style;

  public Printer(PrintWriter out, OutputFormat format, int width, Style style) {
    this.out = out;
    this.format = format;
    this.width = width;
    this.style = style;
  }

  public OutputFormat format() {
    return format;
  }

  public boolean isJson() {
    return format == OutputFormat.JSON;
  }

  public boolean isIds() {
    return format == OutputFormat.IDS;
  }

  public Style style() {
    return style;
  }

  /** Columns of the terminal, 0 when stdout is not one. */
  public int width() {
    return width;
  }

  public void json(Object value) {
    try {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
    out.flush();
  }

  /** One compact JSON document on one line (JSON Lines), for streams of results. */
  public void jsonLine(Object value) {
    try {
      out.println(Json.mapper().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
    out.flush();
  }

  public void table(Table table) {
    out.print(table.render(width, style.enabled()));
    out.flush();
  }

  public void ids(Collection<String> ids) {
    ids.forEach(out::println);
    out.flush();
  }

  public void line(String text) {
    out.println(text);
    out.flush();
  }
}
