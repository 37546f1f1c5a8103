package dev.market.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;

/**
 * Prints results on stdout in the chosen {@link OutputFormat}. JSON is the CLI's one JSON language
 * ({@link JsonDocuments}, docs/json.md); with {@code --jq} only what the filter yields is printed:
 * strings raw, anything else as compact JSON, one result per line (as gh does).
 */
public final class Printer {
  private final PrintWriter out;
  private final OutputFormat format;
  private final int width;
  private final Style style;
  private final JqFilter jq;

  public Printer(PrintWriter out, OutputFormat format, int width, Style style) {
    this(out, format, width, style, null);
  }

  /** {@code jq}: the {@code --jq} filter, or {@code null}; it implies JSON. */
  public Printer(PrintWriter out, OutputFormat format, int width, Style style, JqFilter jq) {
    this.out = out;
    this.format = jq == null ? format : OutputFormat.JSON;
    this.width = width;
    this.style = style;
    this.jq = jq;
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
    JsonNode doc = JsonDocuments.of(value);
    if (jq != null) {
      filtered(doc);
      return;
    }
    try {
      out.println(JsonDocuments.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
    out.flush();
  }

  /** One compact JSON document on one line (JSON Lines), for streams of results. */
  public void jsonLine(Object value) {
    JsonNode doc = JsonDocuments.of(value);
    if (jq != null) {
      filtered(doc);
      return;
    }
    out.println(compact(doc));
    out.flush();
  }

  /**
   * A JSON array written element by element, so {@code --all} holds one page at a time; with {@code
   * --jq} the filter needs the whole array, so it is gathered first.
   *
   * @return how many elements there were
   */
  public int jsonArray(Iterator<?> elements) {
    int n = 0;
    if (jq != null) {
      var all = JsonDocuments.mapper().createArrayNode();
      while (elements.hasNext()) {
        all.add(JsonDocuments.of(elements.next()));
        n++;
      }
      filtered(all);
      return n;
    }
    try {
      JsonGenerator g = JsonDocuments.mapper().getFactory().createGenerator(out);
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      while (elements.hasNext()) {
        JsonDocuments.mapper().writeTree(g, JsonDocuments.of(elements.next()));
        n++;
      }
      g.writeEndArray();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
    return n;
  }

  private void filtered(JsonNode doc) {
    for (JsonNode r : jq.apply(doc)) {
      out.println(r.isTextual() ? r.asText() : compact(r));
    }
    out.flush();
  }

  private static String compact(JsonNode node) {
    try {
      return JsonDocuments.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
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
