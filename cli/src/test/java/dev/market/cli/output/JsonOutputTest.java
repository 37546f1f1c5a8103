package dev.market.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.protocol.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One JSON language for every command (docs/json.md), and {@code --jq} on it. */
class JsonOutputTest {
  /** MarketFixture.START in nanoseconds. */
  static final long START_NS = MarketFixture.START.getEpochSecond() * 1_000_000_000L;

  @TempDir Path dir;
  MarketFixture market;
  CliRunner renter;
  CliRunner provider;
  long offering;
  Path key;

  @BeforeEach
  void setUp() throws Exception {
    market = new MarketFixture(dir);
    renter = market.cli("renter");
    provider = market.cli("provider");
    offering = market.offering("json-1", "Json VPS", "7.20");
    key = dir.resolve("id.pub");
    Files.writeString(key, MarketFixture.sshKey(market.renter) + "\n");
  }

  @AfterEach
  void tearDown() {
    market.close();
  }

  private String rent(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "rent",
                String.valueOf(offering),
                "--yes",
                "--hours",
                "2",
                "--ssh-key",
                key.toString(),
                "--contact",
                "email:a@example.com",
                "--payment-method",
                "test"));
    args.addAll(List.of(extra));
    Result r = renter.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r.out();
  }

  private static JsonNode parse(String out) throws Exception {
    return Json.mapper().readTree(out);
  }

  /** Every key in the document, at any depth. */
  private static List<String> keys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        keys.add(e.getKey());
        keys.addAll(keys(e.getValue()));
      }
    } else if (n.isArray()) {
      n.forEach(e -> keys.addAll(keys(e)));
    }
    return keys;
  }

  @Test
  void rent_prints_snake_case_like_contracts_do() throws Exception {
    JsonNode created = parse(rent("-o", "json"));

    assertThat(created.fieldNames()).toIterable().containsExactly("contract_id", "message");
    assertThat(created.get("contract_id").asText()).hasSize(64);
  }

  @Test
  void events_carry_snake_case_keys_and_an_iso_time_beside_the_nanoseconds() throws Exception {
    String id = parse(rent("-o", "json")).get("contract_id").asText();

    Result r = renter.run("events", id, "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode first = parse(r.out()).get(0);
    assertThat(first.get("contract_id").asText()).isEqualTo(id);
    assertThat(first.get("event_type").isTextual()).isTrue();
    assertThat(first.get("created_at").asText()).isEqualTo("2026-11-26T12:00:00Z");
    assertThat(first.get("created_at_ns").asLong()).isEqualTo(START_NS);
    assertThat(first.has("createdAt")).isFalse();
  }

  @Test
  void notifications_name_their_seconds_and_give_iso_times() throws Exception {
    rent();

    Result r = provider.run("notifications", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode first = parse(r.out()).get(0);
    assertThat(first.get("notification_type").isTextual()).isTrue();
    assertThat(first.get("created_at").asText()).isEqualTo("2026-11-26T12:00:00Z");
    assertThat(first.get("created_at_s").asLong()).isEqualTo(MarketFixture.START.getEpochSecond());
    assertThat(keys(parse(r.out()))).allMatch(k -> k.equals(k.toLowerCase(java.util.Locale.ROOT)));
  }

  @Test
  void status_keeps_the_wire_fields_and_adds_iso_times() throws Exception {
    String id = rent("-o", "ids").strip();

    Result r = renter.run("status", id, "-o", "json");

    JsonNode c = parse(r.out());
    assertThat(c.get("created_at_ns").asLong()).isEqualTo(START_NS);
    assertThat(c.get("created_at").asText()).isEqualTo("2026-11-26T12:00:00Z");
    assertThat(c.get("status_updated_at").asText()).isEqualTo("2026-11-26T12:00:00Z");
    assertThat(c.get("payment_amount_e9s").asLong()).isEqualTo(20_000_000L);
    List<String> names = new ArrayList<>();
    c.fieldNames().forEachRemaining(names::add);
    // the ISO twin sits right before its raw value
    assertThat(names.indexOf("created_at")).isEqualTo(names.indexOf("created_at_ns") - 1);
  }

  @Test
  void no_command_prints_a_camel_case_key() throws Exception {
    String id = rent("-o", "ids").strip();
    List<Result> runs =
        List.of(
            renter.run("rentals", "-o", "json"),
            renter.run("status", id, "-o", "json"),
            renter.run("events", id, "-o", "json"),
            renter.run("wallet", "-o", "json"),
            renter.run("identity", "list", "-o", "json"),
            provider.run("requests", "-o", "json"),
            provider.run("notifications", "-o", "json"),
            provider.run("accept", id, "-o", "json"),
            provider.run("provider", "auto-accept", "off", "-o", "json"),
            renter.run("offerings", "list", "-o", "json"),
            renter.run("cancel", id, "--yes", "-o", "json"));
    for (Result r : runs) {
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(keys(parse(r.out())))
          .as(r.out())
          .isNotEmpty()
          .allMatch(k -> !k.matches(".*[A-Z].*"), "snake_case");
    }
  }

  @Test
  void jq_filters_the_document_and_prints_strings_raw() throws Exception {
    String id = rent("-o", "ids").strip();

    Result ids = renter.run("rentals", "--jq", ".[].contract_id");
    Result object = renter.run("status", id, "--jq", "{status, hours: .duration_hours}");

    assertThat(ids.exitCode()).as(ids.toString()).isZero();
    assertThat(ids.out()).isEqualTo(id + "\n");
    assertThat(object.out()).isEqualTo("{\"status\":\"pending\",\"hours\":2}\n");
  }

  @Test
  void an_invalid_jq_expression_is_a_usage_error_and_nothing_is_rented() {
    Result r =
        renter.run(
            "rent",
            String.valueOf(offering),
            "--yes",
            "--hours",
            "2",
            "--ssh-key",
            key.toString(),
            "--payment-method",
            "test",
            "--jq",
            ".[");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: --jq: '.[' is not a valid jq expression: ");
    assertThat(r.err().lines().count()).isEqualTo(2);
    assertThat(market.client(market.renter).rentals().list()).isEmpty();
  }

  @Test
  void jq_with_a_table_or_ids_output_is_a_usage_error() {
    Result r = renter.run("rentals", "-o", "table", "--jq", ".");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: --jq filters JSON output; it cannot go with -o table
            hint: leave out -o (or use -o json) with --jq
            """);
  }

  @Test
  void a_jq_program_that_fails_on_the_output_exits_2_naming_it() throws Exception {
    rent();

    Result r = renter.run("rentals", "--jq", ".contract_id");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: --jq: '.contract_id' failed on the output: ");
  }

  @Test
  void every_command_that_prints_json_names_its_schema_and_docs_json_md_describes_it()
      throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "json.md"));
    for (String command : JsonSchemas.VERSIONS.keySet()) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add("--help");
      Result help = renter.run(args.toArray(String[]::new));
      assertThat(help.out())
          .as(command)
          .contains("--jq=EXPR")
          .contains("JSON: -o json prints schema " + JsonSchemas.name(command));
      assertThat(doc).as(command).contains("### `" + JsonSchemas.name(command) + "`");
    }
    // a command without JSON output has no --jq
    assertThat(renter.run("identity", "use", "--help").out()).doesNotContain("--jq");
  }
}
