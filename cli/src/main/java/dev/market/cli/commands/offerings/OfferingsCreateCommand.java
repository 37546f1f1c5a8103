package dev.market.cli.commands.offerings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.ExitCodes;
import dev.market.cli.Failures;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import dev.market.client.Outcome;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Offering;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code market offerings create --file FILE|-}: publish offerings as a provider. */
@Command(
    name = "create",
    description = {
      "Publish offerings as a provider, from a JSON file: one Offering object or an array of them"
          + " (snake_case, docs/protocol.md section 5).",
      "The whole file is checked first (JSON syntax with line and column, known fields, types,"
          + " offering_id unique), so a bad file publishes nothing; then each offering is sent,"
          + " and the marketplace names every missing or invalid field of it in one error.",
      "Start from a template: market offerings create --template > offering.json",
      "Prints a table of ID, OFFERING-ID, NAME; -o ids: the new numeric ids, one per line;"
          + " -o json: an array of {offering_id, ok, id?, error?}."
    })
public final class OfferingsCreateCommand extends BaseCommand {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The JSON file; '-' reads stdin.")
  String file;

  @Option(
      names = "--template",
      description =
          "Print a template to fill in and pass back with --file: the JSON on stdout, what each"
              + " field means on stderr.")
  boolean template;

  public OfferingsCreateCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (template) {
      if (file != null) {
        throw CliException.usage(
            "offerings create: --template prints a template; --file publishes one (give one)",
            "market offerings create --template > offering.json");
      }
      OfferingTemplate.print(ctx);
      return 0;
    }
    if (file == null) {
      throw CliException.usage(
          "offerings create: --file FILE is required",
          "market offerings create --template > offering.json, fill it in, then: market"
              + " offerings create --file offering.json");
    }
    List<Offering> offerings = parse(read(ctx, file, where()));
    ctx.client(); // no usable identity: one error, before anything is sent
    Printer p = ctx.printer();
    Table table = new Table().column("ID").column("OFFERING-ID").shrinkableColumn("NAME");
    List<Map<String, Object>> results = new ArrayList<>();
    int exit = ExitCodes.OK;
    for (Offering o : offerings) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("offering_id", o.offeringId());
      try {
        Outcome<Long> sent = ctx.client().offerings().create(o, ctx.requestOptions());
        if (ctx.printedDryRun(sent)) {
          continue; // printed instead of sent
        }
        long id = sent.value();
        r.put("ok", true);
        r.put("id", id);
        table.row(id, o.offeringId(), o.offerName());
        if (p.isIds()) {
          p.line(Long.toString(id));
        }
      } catch (RuntimeException e) {
        String reason = Failures.reason(e);
        r.put("ok", false);
        r.put("error", reason);
        String which =
            o.offeringId() == null || o.offeringId().isBlank() ? "" : " " + o.offeringId();
        ctx.err().println("error: create offering" + which + ": " + reason);
        ctx.err().flush();
        exit = Failures.mostSevere(exit, Failures.exitCode(e));
      }
      results.add(r);
    }
    if (ctx.dryRun()) {
      return exit;
    }
    switch (p.format()) {
      case JSON -> p.json(results);
      case TABLE -> {
        if (!table.isEmpty()) {
          p.table(table);
        }
      }
      case IDS -> {
        // printed as they were created
      }
    }
    return exit;
  }

  private String where() {
    return "offerings create --file " + file;
  }

  static String read(CliContext ctx, String file, String where) {
    try {
      return "-".equals(file)
          ? new String(ctx.in().readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliException.usage(where + ": no such file", null);
    } catch (IOException e) {
      throw CliException.usage(where + ": cannot read it: " + e.getMessage(), null);
    }
  }

  /** A value that does not fit its field, for a merged (not read from a file) offering. */
  static String describe(JsonProcessingException e) {
    return e instanceof DatabindException d ? describe(d, false) : "unreadable value";
  }

  /** Every offering in the file, or a usage error naming the offering, the field and the place. */
  List<Offering> parse(String text) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw CliException.usage(
          where() + ": not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), null);
    }
    if (root == null || !(root.isObject() || root.isArray())) {
      throw CliException.usage(
          where() + ": expected an Offering object or an array of them",
          "market offerings show ID -o json");
    }
    boolean array = root.isArray();
    List<JsonNode> nodes = new ArrayList<>();
    root.forEach(nodes::add);
    if (!array) {
      nodes = List.of(root);
    }
    if (nodes.isEmpty()) {
      throw CliException.usage(where() + ": the array is empty: nothing to publish", null);
    }
    Set<String> known = knownFields();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode n = nodes.get(i);
      String which = array ? "offering " + (i + 1) : "the offering";
      if (!n.isObject()) {
        throw CliException.usage(where() + ": " + which + " is not a JSON object", null);
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!known.contains(field)) {
          throw CliException.usage(
              where() + ": " + which + ": unknown field '" + Failures.oneLine(field) + "'",
              "the fields are those of market offerings show ID -o json");
        }
      }
      JsonNode oid = n.get("offering_id");
      if (oid != null && oid.isTextual() && !seen.add(oid.asText())) {
        throw CliException.usage(
            where() + ": " + which + ": offering_id '" + oid.asText() + "' appears twice", null);
      }
    }
    try {
      JavaType type =
          array
              ? Json.mapper().getTypeFactory().constructCollectionType(List.class, Offering.class)
              : Json.mapper().constructType(Offering.class);
      Object parsed = Json.mapper().readValue(text, type);
      @SuppressWarnings("unchecked")
      List<Offering> list = array ? (List<Offering>) parsed : List.of((Offering) parsed);
      return list;
    } catch (DatabindException e) {
      throw CliException.usage(where() + ": " + describe(e, array), null);
    } catch (JsonProcessingException e) {
      throw CliException.usage(where() + ": not valid JSON" + at(e.getLocation()), null);
    }
  }

  /** {@code offering 2: field 'monthly_price': wrong type (line 5, column 20)}. */
  private static String describe(DatabindException e, boolean array) {
    StringBuilder where = new StringBuilder();
    String field = null;
    for (JsonMappingException.Reference ref : ((JsonMappingException) e).getPath()) {
      if (ref.getIndex() >= 0 && array && where.isEmpty()) {
        where.append("offering ").append(ref.getIndex() + 1);
      } else if (ref.getFieldName() != null && field == null) {
        field = ref.getFieldName();
      }
    }
    if (where.isEmpty()) {
      where.append(array ? "an offering" : "the offering");
    }
    String what = field == null ? "unreadable value" : "field '" + field + "' has the wrong type";
    return where + ": " + what + at(e.getLocation());
  }

  static String at(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 0
        ? ""
        : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  /** The snake_case names an Offering has on the wire. */
  static Set<String> knownFields() {
    return Json.mapper()
        .getSerializationConfig()
        .introspect(Json.mapper().constructType(Offering.class))
        .findProperties()
        .stream()
        .map(BeanPropertyDefinition::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
