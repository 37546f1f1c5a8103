package dev.market.cli.commands.offerings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.cli.CliContext;
import dev.market.protocol.json.Json;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code market offerings create --template}: every field of an Offering (docs/protocol.md section
 * 5) as JSON on stdout, ready to fill in, and what each one means on stderr. The required fields
 * are empty: sent unfilled, the marketplace names every one of them in one error.
 */
final class OfferingTemplate {
  private OfferingTemplate() {}

  /** One field: its wire name, the template's value, and the line that explains it. */
  private record Field(String name, Object value, String help) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field("offering_id", "", "required: your own id for it, unique among yours"),
          new Field("offer_name", "", "required: the name renters see"),
          new Field("description", null, "up to 4,000 characters"),
          new Field("product_type", "", "required: compute, dedicated, gpu, network or storage"),
          new Field("currency", "USD", "required: a currency code"),
          new Field("monthly_price", null, "required: price per 720 hours, e.g. 12.50"),
          new Field("setup_fee", null, "one-off fee, e.g. 0"),
          new Field("visibility", "public", "public, shared or private"),
          new Field("stock_status", "in_stock", "in_stock or out_of_stock"),
          new Field("processor_brand", null, "e.g. AMD"),
          new Field("processor_cores", null, "a whole number, e.g. 8"),
          new Field("processor_name", null, "e.g. EPYC 9454"),
          new Field("memory_amount", null, "e.g. \"32 GB\""),
          new Field("total_ssd_capacity", null, "e.g. \"2 x 1 TB\""),
          new Field("total_hdd_capacity", null, "e.g. \"4 TB\""),
          new Field("uplink_speed", null, "e.g. \"1 Gbps\""),
          new Field("unmetered_bandwidth", null, "true or false"),
          new Field("datacenter_country", null, "two-letter code, e.g. DE"),
          new Field("datacenter_city", null, "e.g. Frankfurt"),
          new Field("gpu_name", null, "e.g. RTX 4090"),
          new Field("gpu_count", null, "a whole number"),
          new Field("gpu_memory_gb", null, "a whole number"),
          new Field("min_contract_hours", null, "shortest rental in hours, at least 1"),
          new Field("max_contract_hours", null, "longest rental in hours, at least the minimum"),
          new Field("operating_systems", null, "comma-separated, e.g. \"Ubuntu 24.04,Debian 12\""),
          new Field("billing_interval", null, "e.g. monthly"),
          new Field("billing_unit", "month", "minute, hour, day or month"),
          new Field("is_subscription", false, "true bills it as a subscription (Decent Cloud)"),
          new Field("is_draft", false, "true keeps it off the market"));

  static void print(CliContext ctx) {
    ObjectNode n = Json.mapper().createObjectNode();
    for (Field f : FIELDS) {
      n.set(f.name(), Json.mapper().valueToTree(f.value()));
    }
    ctx.printer().json(n);
    PrintWriter err = ctx.err();
    err.println("Fill in the fields, then: market offerings create --file FILE");
    err.println("(null or absent fields are left out; an array of objects publishes several)");
    int width = FIELDS.stream().mapToInt(f -> f.name().length()).max().orElse(0);
    for (Field f : FIELDS) {
      err.println("  " + f.name() + " ".repeat(width - f.name().length() + 2) + f.help());
    }
    err.flush();
  }
}
