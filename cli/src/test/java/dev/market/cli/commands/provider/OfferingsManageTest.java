package dev.market.cli.commands.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.cli.support.ScriptedTerminal;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Offering;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, providers: {@code offerings mine}, {@code update}, {@code delete}, and {@code create
 * --template} with every missing field reported at once, against the real server.
 */
class OfferingsManageTest {
  @TempDir Path dir;
  MarketFixture market;
  CliRunner provider;
  long vm;

  @BeforeEach
  void setUp() {
    market = new MarketFixture(dir);
    provider = market.cli("provider");
    vm = market.offering("vm-small", "Small VM", "7.20");
  }

  @AfterEach
  void tearDown() {
    market.close();
  }

  /** The provider's offering as stored, drafts included. */
  private Offering stored(long id) {
    return market.client(market.provider).offerings().mine().stream()
        .filter(o -> o.id() == id)
        .findFirst()
        .orElse(null);
  }

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  // ------------------------------------------------------------------------------------- mine

  @Test
  void mine_lists_own_offerings_with_drafts_and_not_other_providers() {
    long draft =
        market
            .client(market.provider)
            .offerings()
            .create(
                Offering.builder()
                    .offeringId("gpu-draft")
                    .offerName("GPU soon")
                    .productType("gpu")
                    .currency("USD")
                    .monthlyPrice(new BigDecimal("300"))
                    .visibility("private")
                    .isDraft(true)
                    .build());
    market
        .client(market.stranger)
        .offerings()
        .create(
            Offering.builder()
                .offeringId("theirs")
                .offerName("Not mine")
                .productType("compute")
                .currency("USD")
                .monthlyPrice(BigDecimal.ONE)
                .build());

    Result table = provider.run("offerings", "mine");
    Result ids = provider.run("offerings", "mine", "-o", "ids");
    Result none = market.cli("renter").run("offerings", "mine");

    assertThat(table.exitCode()).as(table.toString()).isZero();
    String format = "%-2s  %-11s  %-8s  %-7s  %-10s  %-8s  %-10s  %s";
    assertThat(table.out())
        .isEqualTo(
            String.format(
                    format,
                    "ID",
                    "OFFERING-ID",
                    "NAME",
                    "TYPE",
                    "PER MONTH",
                    "STOCK",
                    "VISIBILITY",
                    "DRAFT")
                + "\n"
                + String.format(
                    format,
                    vm,
                    "vm-small",
                    "Small VM",
                    "compute",
                    "7.20 USD",
                    "in_stock",
                    "public",
                    "no")
                + "\n"
                + String.format(
                    format,
                    draft,
                    "gpu-draft",
                    "GPU soon",
                    "gpu",
                    "300.00 USD",
                    "in_stock",
                    "private",
                    "yes")
                + "\n");
    assertThat(ids.out()).isEqualTo(vm + "\n" + draft + "\n");
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err())
        .isEqualTo("no offerings yet; get a template with: market offerings create --template\n");
  }

  // ----------------------------------------------------------------------------------- update

  @Test
  void update_changes_only_the_flags_given_and_keeps_the_rest() {
    Result r =
        provider.run(
            "offerings",
            "update",
            Long.toString(vm),
            "--price",
            "9.5",
            "--name",
            "Small VM v2",
            "--draft",
            "--os",
            "Debian 12");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo("Offering updated successfully: offering " + vm + " (vm-small)\n");
    Offering o = stored(vm);
    assertThat(o.monthlyPrice()).isEqualByComparingTo("9.5");
    assertThat(o.offerName()).isEqualTo("Small VM v2");
    assertThat(o.isDraft()).isTrue();
    assertThat(o.operatingSystems()).isEqualTo("Debian 12");
    // untouched
    assertThat(o.offeringId()).isEqualTo("vm-small");
    assertThat(o.memoryAmount()).isEqualTo("8 GB");
    assertThat(o.datacenterCountry()).isEqualTo("DE");
    assertThat(o.processorCores()).isEqualTo(4);
    assertThat(o.maxContractHours()).isEqualTo(8760L);
    assertThat(o.description()).isEqualTo("test offering");

    Result back = provider.run("offerings", "update", Long.toString(vm), "--no-draft");
    assertThat(back.exitCode()).as(back.toString()).isZero();
    assertThat(stored(vm).isDraft()).isFalse();
  }

  @Test
  void update_from_a_partial_file_sets_and_clears_the_fields_it_names() throws Exception {
    Path f = file("patch.json", "{\"stock_status\": \"out_of_stock\", \"description\": null}");

    Result r = provider.run("offerings", "update", Long.toString(vm), "--file", f.toString());
    Result json =
        provider.run("offerings", "update", Long.toString(vm), "--city", "Berlin", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Offering o = stored(vm);
    assertThat(o.stockStatus()).isEqualTo("out_of_stock");
    assertThat(o.description()).isNull();
    assertThat(o.offerName()).isEqualTo("Small VM");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode sent = Json.mapper().readTree(json.out());
    assertThat(sent.get("datacenter_city").asText()).isEqualTo("Berlin");
    assertThat(sent.get("stock_status").asText()).isEqualTo("out_of_stock");
    assertThat(stored(vm).datacenterCity()).isEqualTo("Berlin");
  }

  @Test
  void an_invalid_update_names_every_bad_field_in_one_line_and_changes_nothing() {
    Result r =
        provider.run(
            "offerings",
            "update",
            Long.toString(vm),
            "--type",
            "vm",
            "--visibility",
            "secret",
            "--country",
            "Germany");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElseThrow())
        .isEqualTo(
            "error: update offering "
                + vm
                + ": product_type: must be compute, dedicated, gpu, network or storage;"
                + " visibility: must be public, shared or private; datacenter_country: must be an"
                + " ISO 3166 two-letter country code such as DE");
    Offering o = stored(vm);
    assertThat(o.productType()).isEqualTo("compute");
    assertThat(o.visibility()).isEqualTo("public");
  }

  @Test
  void update_refuses_nothing_to_change_unknown_fields_and_other_providers_offerings()
      throws Exception {
    long theirs =
        market
            .client(market.stranger)
            .offerings()
            .create(
                Offering.builder()
                    .offeringId("theirs")
                    .offerName("Not mine")
                    .productType("compute")
                    .currency("USD")
                    .monthlyPrice(BigDecimal.ONE)
                    .build());
    Path unknown = file("bad.json", "{\"monthly_prize\": 3}");

    Result nothing = provider.run("offerings", "update", Long.toString(vm));
    Result badField =
        provider.run("offerings", "update", Long.toString(vm), "--file", unknown.toString());
    Result foreign = provider.run("offerings", "update", Long.toString(theirs), "--price", "0");
    Result dryRun =
        provider.run("offerings", "update", Long.toString(vm), "--price", "1", "--dry-run");

    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err())
        .isEqualTo(
            "error: offerings update "
                + vm
                + ": nothing to change: give a flag such as --price or --file FILE\n"
                + "hint: market offerings update --help\n");
    assertThat(badField.exitCode()).isEqualTo(2);
    assertThat(badField.err())
        .startsWith(
            "error: offerings update "
                + vm
                + " --file "
                + unknown
                + ": unknown field 'monthly_prize'\n");
    assertThat(foreign.exitCode()).isEqualTo(3);
    assertThat(foreign.err())
        .isEqualTo(
            "error: offerings update "
                + theirs
                + ": not one of your offerings\nhint: market offerings mine\n");
    assertThat(dryRun.exitCode()).isEqualTo(2);
    assertThat(dryRun.out()).isEmpty();
    assertThat(dryRun.err())
        .startsWith(
            "error: offerings update "
                + vm
                + ": --dry-run cannot build the request without reading the offering first\n");
    assertThat(stored(vm).monthlyPrice()).isEqualByComparingTo("7.20");
    assertThat(market.client(market.stranger).offerings().get(theirs).monthlyPrice())
        .isEqualByComparingTo("1");
  }

  // ----------------------------------------------------------------------------------- delete

  @Test
  void delete_asks_on_a_terminal_needs_yes_in_a_script_and_then_deletes() {
    Result script = provider.run("offerings", "delete", Long.toString(vm));
    Result no =
        provider.run(ScriptedTerminal.interactive(100, "n"), "", "offerings", "delete", "" + vm);
    assertThat(stored(vm)).isNotNull();
    Result yes = provider.run("offerings", "delete", Long.toString(vm), "--yes");

    assertThat(script.exitCode()).isEqualTo(2);
    assertThat(script.err())
        .isEqualTo(
            "error: offerings delete "
                + vm
                + ": needs confirmation and no terminal to ask; pass --yes\n"
                + "hint: market offerings delete "
                + vm
                + " --yes\n");
    assertThat(no.exitCode()).isZero();
    assertThat(no.err()).isEqualTo("not deleted\n");
    assertThat(yes.exitCode()).as(yes.toString()).isZero();
    assertThat(yes.out()).isEqualTo("Offering deleted successfully: offering " + vm + "\n");
    assertThat(stored(vm)).isNull();
  }

  @Test
  void delete_of_an_offering_with_a_contract_exits_3_and_points_to_draft() {
    market.rent(vm, 24, null, null);

    Result r = provider.run("offerings", "delete", Long.toString(vm), "--yes");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "error: delete offering "
                + vm
                + ": conflict: offering "
                + vm
                + " has 1 open contract; it can be deleted once they have ended (is_draft: true"
                + " stops new rentals now)\n"
                + "hint: market offerings update "
                + vm
                + " --draft\n");
    assertThat(stored(vm)).isNotNull();
  }

  // --------------------------------------------------------------------------- create template

  @Test
  void the_template_names_every_offering_field_and_once_filled_is_published() throws Exception {
    Result template = provider.run("offerings", "create", "--template");

    assertThat(template.exitCode()).as(template.toString()).isZero();
    ObjectNode t = (ObjectNode) Json.mapper().readTree(template.out());
    List<String> fields = new ArrayList<>();
    t.fieldNames().forEachRemaining(fields::add);
    TreeSet<String> all =
        new TreeSet<>(
            Json.mapper()
                .getSerializationConfig()
                .introspect(Json.mapper().constructType(Offering.class))
                .findProperties()
                .stream()
                .map(BeanPropertyDefinition::getName)
                .toList());
    all.remove("id");
    all.remove("pubkey");
    // the marketplace's, from reviews: a provider cannot set them
    all.remove("provider_rating");
    all.remove("provider_rating_count");
    assertThat(new TreeSet<>(fields)).isEqualTo(all);
    assertThat(template.err()).contains("  product_type         required: compute, dedicated,");

    t.put("offering_id", "filled-1");
    t.put("offer_name", "Filled in");
    t.put("product_type", "storage");
    t.put("monthly_price", new BigDecimal("3.25"));
    t.put("datacenter_country", "NL");
    Path f = file("filled.json", t.toPrettyString());
    Result created = provider.run("offerings", "create", "--file", f.toString(), "-o", "ids");

    assertThat(created.exitCode()).as(created.toString()).isZero();
    long id = Long.parseLong(created.out().strip());
    Offering o = stored(id);
    assertThat(o.offerName()).isEqualTo("Filled in");
    assertThat(o.productType()).isEqualTo("storage");
    assertThat(o.monthlyPrice()).isEqualByComparingTo("3.25");
    assertThat(o.visibility()).isEqualTo("public");
    assertThat(o.isDraft()).isFalse();
  }

  @Test
  void an_unfilled_template_is_refused_naming_every_missing_field_in_one_line() throws Exception {
    Result template = provider.run("offerings", "create", "--template");
    Path f = file("unfilled.json", template.out());

    Result r = provider.run("offerings", "create", "--file", f.toString());

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "error: create offering: invalid: offering_id: is required; offer_name: is required;"
                + " product_type: is required; monthly_price: is required\n");
    assertThat(market.client(market.provider).offerings().mine()).hasSize(1);
  }

  @Test
  void create_without_file_or_template_is_a_usage_error_pointing_to_the_template() {
    Result r = provider.run("offerings", "create");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: offerings create: --file FILE is required\n"
                + "hint: market offerings create --template > offering.json, fill it in, then:"
                + " market offerings create --file offering.json\n");
  }
}
