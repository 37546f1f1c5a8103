package dev.market.cli.commands.offerings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.Failures;
import dev.market.cli.commands.BaseCommand;
import dev.market.client.Outcome;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Offering;
import dev.market.protocol.text.TerminalText;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market offerings update ID [flags] [--file FILE]}: change some fields of one offering. */
@Command(
    name = "update",
    description = {
      "Change fields of one of your offerings; the others keep their values.",
      "The offering is read first, the changes from --file (a partial Offering object: the fields"
          + " it names, null clears one) and then from the flags are applied, and the whole"
          + " offering is sent back, checked as on create. Contracts already made keep their"
          + " terms.",
      "Prints the marketplace's answer; -o ids: the id; -o json: the Offering as sent."
    })
public final class OfferingsUpdateCommand extends BaseCommand {
  @Parameters(paramLabel = "ID", description = "The offering's numeric id (market offerings mine).")
  long id;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "A JSON object with the fields to change; '-' reads stdin.")
  String file;

  @Option(names = "--offering-id", paramLabel = "TEXT", description = "Your own id for it.")
  String offeringId;

  @Option(names = "--name", paramLabel = "TEXT", description = "offer_name.")
  String name;

  @Option(names = "--description", paramLabel = "TEXT", description = "description.")
  String description;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "product_type: compute, dedicated, gpu, network or storage.")
  String type;

  @Option(names = "--currency", paramLabel = "CODE", description = "currency, e.g. USD.")
  String currency;

  @Option(names = "--price", paramLabel = "AMOUNT", description = "monthly_price, e.g. 12.50.")
  BigDecimal price;

  @Option(names = "--setup-fee", paramLabel = "AMOUNT", description = "setup_fee.")
  BigDecimal setupFee;

  @Option(
      names = "--visibility",
      paramLabel = "VISIBILITY",
      description = "public, shared or private.")
  String visibility;

  @Option(
      names = "--stock",
      paramLabel = "STATUS",
      description = "stock_status, e.g. in_stock or out_of_stock.")
  String stock;

  @Option(
      names = "--draft",
      negatable = true,
      description = "is_draft: --draft takes it off the market, --no-draft publishes it.")
  Boolean draft;

  @Option(names = "--min-hours", paramLabel = "HOURS", description = "min_contract_hours.")
  Long minHours;

  @Option(names = "--max-hours", paramLabel = "HOURS", description = "max_contract_hours.")
  Long maxHours;

  @Option(
      names = "--os",
      paramLabel = "LIST",
      description = "operating_systems, comma-separated, e.g. 'Ubuntu 24.04,Debian 12'.")
  String os;

  @Option(names = "--country", paramLabel = "CC", description = "datacenter_country, e.g. DE.")
  String country;

  @Option(names = "--city", paramLabel = "TEXT", description = "datacenter_city.")
  String city;

  public OfferingsUpdateCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String where = "offerings update " + id;
    ObjectNode patch = file == null ? Json.mapper().createObjectNode() : readPatch(where);
    flags().forEach((field, value) -> patch.set(field, Json.mapper().valueToTree(value)));
    if (patch.isEmpty()) {
      throw CliException.usage(
          where + ": nothing to change: give a flag such as --price or --file FILE",
          "market offerings update --help");
    }
    if (ctx.dryRun()) {
      // the body is the offering as the marketplace has it now, and a dry run sends nothing
      throw CliException.usage(
          where + ": --dry-run cannot build the request without reading the offering first",
          "market offerings show " + id + " -o json");
    }
    Offering current =
        ctx.client().offerings().mine().stream()
            .filter(o -> o.id() != null && o.id() == id)
            .findFirst()
            .orElseThrow(
                () ->
                    CliException.refused(
                        where + ": not one of your offerings", "market offerings mine"));
    ObjectNode merged = Json.mapper().valueToTree(current);
    merged.setAll(patch);
    // the marketplace's own fields: never sent back as if the provider had set them
    merged.remove(Set.of("id", "pubkey", "provider_rating", "provider_rating_count"));
    Offering next;
    try {
      next = Json.mapper().treeToValue(merged, Offering.class);
    } catch (JsonProcessingException e) {
      throw CliException.usage(where + ": " + OfferingsCreateCommand.describe(e), null);
    }
    Outcome<String> sent = ctx.client().offerings().update(id, next, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    switch (ctx.printer().format()) {
      case IDS -> ctx.printer().line(Long.toString(id));
      case JSON -> ctx.printer().json(next);
      case TABLE -> {
        String message = sent.value();
        ctx.printer()
            .line(
                (message == null || message.isBlank() ? "updated" : TerminalText.line(message))
                    + ": offering "
                    + id
                    + " ("
                    + TerminalText.line(next.offeringId(), 80)
                    + ")");
      }
    }
    return 0;
  }

  /** The flags given, by wire field name, in the order of the Offering object. */
  private Map<String, Object> flags() {
    Map<String, Object> f = new LinkedHashMap<>();
    put(f, "offering_id", offeringId);
    put(f, "offer_name", name);
    put(f, "description", description);
    put(f, "product_type", type);
    put(f, "currency", currency);
    put(f, "monthly_price", price);
    put(f, "setup_fee", setupFee);
    put(f, "visibility", visibility);
    put(f, "stock_status", stock);
    put(f, "datacenter_country", country);
    put(f, "datacenter_city", city);
    put(f, "min_contract_hours", minHours);
    put(f, "max_contract_hours", maxHours);
    put(f, "operating_systems", os);
    put(f, "is_draft", draft);
    return f;
  }

  private static void put(Map<String, Object> f, String field, Object value) {
    if (value != null) {
      f.put(field, value);
    }
  }

  private ObjectNode readPatch(String where) {
    String text = OfferingsCreateCommand.read(ctx, file, where + " --file " + file);
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw CliException.usage(
          where
              + " --file "
              + file
              + ": not valid JSON"
              + OfferingsCreateCommand.at(e.getLocation())
              + ": "
              + e.getOriginalMessage(),
          null);
    }
    if (root == null || !root.isObject()) {
      throw CliException.usage(
          where + " --file " + file + ": expected one JSON object with the fields to change",
          "market offerings show " + id + " -o json");
    }
    Set<String> known = OfferingsCreateCommand.knownFields();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw CliException.usage(
            where + " --file " + file + ": unknown field '" + Failures.oneLine(field) + "'",
            "the fields are those of market offerings show ID -o json");
      }
    }
    return (ObjectNode) root;
  }
}
