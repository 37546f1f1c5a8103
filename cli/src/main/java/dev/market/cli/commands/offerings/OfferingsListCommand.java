package dev.market.cli.commands.offerings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.ExitCodes;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Formats;
import dev.market.cli.output.OutputFormat;
import dev.market.cli.output.Printer;
import dev.market.cli.output.Table;
import dev.market.client.OfferingQuery;
import dev.market.client.Outcome;
import dev.market.client.error.InvalidRequestException;
import dev.market.protocol.model.Offering;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code market offerings list}: one page, or every match with {@code --all}. */
@Command(
    name = "list",
    aliases = "ls",
    description = {
      "List offerings, cheapest first (--sort rating: best-rated provider first).",
      "Table: ID, NAME, PROVIDER, SPECS, COUNTRY, PER MONTH, PER HOUR (monthly / 720),",
      "RATING (the provider's average review, 1-5, and how many: 4.5 (12); - when none); on a",
      "narrow terminal PROVIDER is left out and NAME cut before SPECS.",
      "-o json: an array of Offering objects as on the wire; -o ids: one offering id per line."
    },
    footerHeading = "%nQuery language (-q; all of it in docs/search.md):%n",
    footer = {
      "Terms separated by spaces must all match (AND is implied; no && or ||).",
      "  field:value       type:gpu  country:DE  stock:in_stock  name:\"two words\"",
      "  field:(a OR b)    any of the values: type:(gpu OR dedicated)",
      "  field:>=N         also >, <=, < on numeric fields: price:<=500  cores:>=8  memory:>=32GB",
      "  field:[A TO B]    a range, both ends included, * for an open end: price:[50 TO 500]",
      "  !term, -term      not: !stock:out_of_stock",
      "  word, \"phrase\"    text in the name, description or type",
      "Fields: name, desc, city, gpu, os (text, contains); type (compute, dedicated, gpu, network,",
      "storage), stock (in_stock, out_of_stock), country (two letters), currency (three letters)",
      "(exact); price (a decimal); cores, gpu_count, gpu_memory, min_hours, max_hours, trust (whole",
      "numbers); memory, ssd, hdd (sizes: 16, 16GB, 1TB; a bare number is GB).",
      "A value that can never match (--type gpus, stock:instock) or a query that does not parse is a",
      "usage error (exit 2) saying what is valid."
    })
public final class OfferingsListCommand extends BaseCommand {
  /** Page size for {@code --all}: large pages, few round trips, still bounded memory. */
  static final int ALL_PAGE_SIZE = 200;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      completionCandidates = ProductTypes.class,
      description = "compute, dedicated, gpu, network or storage (as -q type:TYPE).")
  String type;

  @Option(
      names = "--country",
      paramLabel = "CC",
      description = "Datacenter country: two letters, e.g. DE (ISO 3166-1 alpha-2).")
  String country;

  @Option(names = "--min-price", paramLabel = "AMOUNT", description = "Lowest monthly price.")
  BigDecimal minPrice;

  @Option(names = "--max-price", paramLabel = "AMOUNT", description = "Highest monthly price.")
  BigDecimal maxPrice;

  @Option(names = "--in-stock", description = "Only offerings in stock.")
  boolean inStock;

  @Option(
      names = {"-q", "--query"},
      paramLabel = "EXPR",
      description =
          "A search expression (the language is below), e.g. 'type:gpu price:<=500 cores:>=8"
              + " rating:>=4', or plain text matched in name, description and type. rating: is"
              + " the provider's average review (0 to 5, at most 2 decimals), reviews: how many"
              + " it has.")
  String query;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description =
          "price (cheapest first, the default) or rating (best-rated provider first, then more"
              + " reviews, then cheapest; unrated last). Decent Cloud ignores it.")
  Sort sort;

  /** The orders of {@code --sort}; the server's {@code sort} parameter. */
  enum Sort {
    price,
    rating
  }

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N offerings (default ${DEFAULT-VALUE}; the server caps it at 500).")
  int limit;

  @Option(names = "--all", description = "Every match, fetched page by page.")
  boolean all;

  public OfferingsListCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      throw CliException.usage(
          "offerings list: --limit must be at least 1, got " + limit,
          "market offerings list --limit 50");
    }
    if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
      throw CliException.usage(
          "offerings list: --min-price " + minPrice + " is above --max-price " + maxPrice,
          "market offerings list --min-price " + maxPrice + " --max-price " + minPrice);
    }
    OfferingQuery.Builder q = OfferingQuery.builder();
    if (type != null) {
      q.productType(type);
    }
    if (country != null) {
      q.country(country);
    }
    if (inStock) {
      q.inStockOnly(true);
    }
    if (minPrice != null) {
      q.minPriceMonthly(minPrice);
    }
    if (maxPrice != null) {
      q.maxPriceMonthly(maxPrice);
    }
    if (query != null) {
      q.query(query);
    }
    if (sort != null) {
      q.sort(sort.name());
    }
    Printer p = ctx.printer();
    int count;
    try {
      count = fetchAndPrint(p, q);
    } catch (InvalidRequestException e) {
      // only the filters typed here were sent: a value the marketplace cannot read is a usage error
      throw new CliException(
          ExitCodes.USAGE,
          e.getMessage(),
          "market offerings list --help   (the query language)",
          e);
    }
    if (count == 0) { // -1: a dry run, nothing was asked
      ctx.err().println("no offerings match " + describeFilters());
      ctx.err().flush();
    }
    return 0;
  }

  private int fetchAndPrint(Printer p, OfferingQuery.Builder q) {
    int count;
    if (all) {
      Outcome<Stream<Offering>> sent =
          ctx.publicClient().offerings().stream(
              q.limit(ALL_PAGE_SIZE).build(), ctx.requestOptions());
      if (ctx.printedDryRun(sent)) {
        return -1;
      }
      try (Stream<Offering> stream = sent.value()) {
        count = print(p, stream.iterator());
      }
    } else if (p.format() == OutputFormat.JSON) {
      // printed as the trees the offerings would write, without binding them (the same document)
      Outcome<List<ObjectNode>> sent =
          ctx.publicClient().offerings().listTrees(q.limit(limit).build(), ctx.requestOptions());
      if (ctx.printedDryRun(sent)) {
        return -1;
      }
      count = p.jsonArray(sent.value().iterator());
    } else {
      Outcome<List<Offering>> sent =
          ctx.publicClient().offerings().list(q.limit(limit).build(), ctx.requestOptions());
      if (ctx.printedDryRun(sent)) {
        return -1;
      }
      count = print(p, sent.value().iterator());
    }
    return count;
  }

  /** JSON and ids stream (constant memory with --all); a table needs every row for its widths. */
  private int print(Printer p, Iterator<Offering> offerings) {
    switch (p.format()) {
      case IDS -> {
        int n = 0;
        while (offerings.hasNext()) {
          p.line(String.valueOf(offerings.next().id()));
          n++;
        }
        return n;
      }
      case JSON -> {
        return p.jsonArray(offerings);
      }
      default -> {
        List<Offering> rows = new ArrayList<>();
        offerings.forEachRemaining(rows::add);
        if (!rows.isEmpty()) {
          p.table(table(rows));
        }
        return rows.size();
      }
    }
  }

  static Table table(List<Offering> offerings) {
    Table t =
        new Table()
            .column("ID")
            .shrinkableColumn("NAME")
            .droppableColumn("PROVIDER")
            .shrinkLastColumn("SPECS")
            .column("COUNTRY")
            .column("PER MONTH")
            .column("PER HOUR")
            .column("RATING");
    for (Offering o : offerings) {
      t.row(
          o.id(),
          o.offerName(),
          Formats.shortHex(o.pubkey()),
          Formats.specs(o),
          o.datacenterCountry(),
          Formats.monthly(o),
          Formats.hourly(o),
          rating(o));
    }
    return t;
  }

  /**
   * {@code 4.6 (12)}: the average rounded down to one decimal, like the server rounds it down to
   * two, so a shown 4.0 is always kept by {@code rating:>=4}; {@code -} without reviews.
   */
  static String rating(Offering o) {
    if (o.providerRating() == null || !Formats.isBounded(o.providerRating())) {
      return "-";
    }
    String avg = o.providerRating().setScale(1, RoundingMode.FLOOR).toPlainString();
    return o.providerRatingCount() == null ? avg : avg + " (" + o.providerRatingCount() + ")";
  }

  /** The filters in the words the user typed them, for "nothing matches". */
  String describeFilters() {
    List<String> f = new ArrayList<>();
    if (type != null) {
      f.add("--type " + type);
    }
    if (country != null) {
      f.add("--country " + country);
    }
    if (minPrice != null) {
      f.add("--min-price " + minPrice.toPlainString());
    }
    if (maxPrice != null) {
      f.add("--max-price " + maxPrice.toPlainString());
    }
    if (inStock) {
      f.add("--in-stock");
    }
    if (query != null) {
      f.add("--query '" + query + "'");
    }
    return f.isEmpty() ? "(no filters: the marketplace has no offerings)" : String.join(" ", f);
  }

  /** What the generated shell completions offer after {@code --type}. */
  public static final class ProductTypes implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("compute", "dedicated", "gpu", "network", "storage").iterator();
    }
  }
}
