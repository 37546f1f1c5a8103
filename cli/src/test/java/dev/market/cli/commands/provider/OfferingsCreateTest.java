package dev.market.cli.commands.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Offering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code market offerings create} against the real server. */
class OfferingsCreateTest {
  static final String TWO =
      """
      [
        {"offering_id": "gpu-1", "offer_name": "One GPU", "product_type": "gpu",
         "currency": "USD", "monthly_price": 450.5, "gpu_name": "RTX 4090", "gpu_count": 1,
         "datacenter_country": "de"},
        {"offering_id": "vm-2", "offer_name": "Two cores", "product_type": "compute",
         "currency": "EUR", "monthly_price": 9, "processor_cores": 2, "memory_amount": "4 GB"}
      ]
      """;

  @TempDir Path dir;
  MarketFixture market;
  CliRunner provider;

  @BeforeEach
  void setUp() {
    market = new MarketFixture(dir);
    provider = market.cli("provider");
  }

  /** The provider's phrase and secret key never reach any output. */
  @AfterEach
  void tearDown() {
    String secret = Hex.encode(market.provider.secretKey());
    for (Result r : market.history()) {
      assertThat(r.out() + r.err() + r.tty())
          .doesNotContain(MarketFixture.PROVIDER_PHRASE)
          .doesNotContain(secret);
    }
    market.close();
  }

  private List<Offering> published() {
    return market.client(market.provider).offerings().ofProvider(market.provider.publicKeyHex());
  }

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  @Test
  void an_array_file_publishes_each_offering_and_prints_the_new_ids() throws Exception {
    Path f = file("offerings.json", TWO);

    Result r = provider.run("offerings", "create", "--file", f.toString(), "-o", "ids");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    List<Offering> mine = published();
    assertThat(mine).extracting(Offering::offeringId).containsExactlyInAnyOrder("gpu-1", "vm-2");
    long gpu = mine.stream().filter(o -> o.offeringId().equals("gpu-1")).findFirst().get().id();
    long vm = mine.stream().filter(o -> o.offeringId().equals("vm-2")).findFirst().get().id();
    assertThat(r.out()).isEqualTo(gpu + "\n" + vm + "\n");
    Offering g = market.client(market.renter).offerings().get(gpu);
    assertThat(g.offerName()).isEqualTo("One GPU");
    assertThat(g.monthlyPrice()).isEqualByComparingTo("450.5");
    assertThat(g.datacenterCountry()).isEqualTo("DE");
  }

  @Test
  void one_object_from_stdin_prints_a_table_and_json_reports_the_id() throws Exception {
    Result table =
        provider.runWithStdin(
            "{\"offering_id\": \"s-1\", \"offer_name\": \"Storage\", \"product_type\": \"storage\","
                + " \"currency\": \"USD\", \"monthly_price\": 3}",
            "offerings",
            "create",
            "--file",
            "-");
    Result json =
        provider.runWithStdin(
            "{\"offering_id\": \"s-2\", \"offer_name\": \"More\", \"product_type\": \"storage\","
                + " \"currency\": \"USD\", \"monthly_price\": 4}",
            "offerings",
            "create",
            "-f",
            "-",
            "-o",
            "json");

    long s1 = published().stream().filter(o -> o.offeringId().equals("s-1")).findFirst().get().id();
    long s2 = published().stream().filter(o -> o.offeringId().equals("s-2")).findFirst().get().id();
    assertThat(table.exitCode()).as(table.toString()).isZero();
    String format = "%-" + Math.max(2, Long.toString(s1).length()) + "s  %-11s  %s";
    assertThat(table.out())
        .isEqualTo(
            String.format(format, "ID", "OFFERING-ID", "NAME")
                + "\n"
                + String.format(format, s1, "s-1", "Storage")
                + "\n");
    JsonNode results = Json.mapper().readTree(json.out());
    assertThat(results.toString())
        .isEqualTo("[{\"offering_id\":\"s-2\",\"ok\":true,\"id\":" + s2 + "}]");
  }

  @Test
  void an_unknown_field_exits_2_naming_it_and_publishes_nothing() throws Exception {
    Path f = file("typo.json", TWO.replace("\"monthly_price\": 9", "\"monthy_price\": 9"));

    Result r = provider.run("offerings", "create", "--file", f.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "error: offerings create --file " + f + ": offering 2: unknown field 'monthy_price'\n");
    assertThat(published()).isEmpty();
  }

  @Test
  void broken_json_exits_2_with_line_and_column() throws Exception {
    Path f = file("broken.json", "[\n  {\"offering_id\": \"x\",}\n]");

    Result r = provider.run("offerings", "create", "--file", f.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: offerings create --file " + f + ": not valid JSON (line 2, column 23): ");
    assertThat(published()).isEmpty();
  }

  @Test
  void a_wrong_type_exits_2_naming_the_offering_and_field_with_its_place() throws Exception {
    Path f = file("type.json", TWO.replace("\"gpu_count\": 1", "\"gpu_count\": \"one\""));

    Result r = provider.run("offerings", "create", "--file", f.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: offerings create --file "
                + f
                + ": offering 1: field 'gpu_count' has the wrong type (line 3, column 84)\n");
    assertThat(published()).isEmpty();
  }

  @Test
  void a_repeated_offering_id_exits_2_before_anything_is_sent() throws Exception {
    Path f = file("dup.json", TWO.replace("\"vm-2\"", "\"gpu-1\""));

    Result r = provider.run("offerings", "create", "--file", f.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: offerings create --file "
                + f
                + ": offering 2: offering_id 'gpu-1' appears twice\n");
    assertThat(published()).isEmpty();
  }

  @Test
  void an_offering_the_marketplace_refuses_exits_3_naming_the_field_while_the_others_publish()
      throws Exception {
    Path f = file("nocurrency.json", TWO.replace("\"currency\": \"EUR\", ", ""));

    Result r = provider.run("offerings", "create", "--file", f.toString(), "-o", "ids");

    assertThat(r.exitCode()).isEqualTo(3);
    long gpu = published().get(0).id();
    assertThat(published()).extracting(Offering::offeringId).containsExactly("gpu-1");
    assertThat(r.out()).isEqualTo(gpu + "\n");
    assertThat(r.err()).startsWith("error: create offering vm-2: ").contains("currency");
  }

  @Test
  void dry_run_prints_each_signed_post_and_publishes_nothing() throws Exception {
    Path f = file("offerings.json", TWO);

    Result r = provider.run("offerings", "create", "--file", f.toString(), "--dry-run");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String post =
        "POST "
            + market.url
            + "/api/v1/providers/"
            + market.provider.publicKeyHex()
            + "/offerings\n";
    assertThat(r.out().split(java.util.regex.Pattern.quote(post), -1)).hasSize(3);
    assertThat(r.out()).contains("\"offering_id\":\"gpu-1\"").contains("\"offering_id\":\"vm-2\"");
    assertThat(published()).isEmpty();
  }

  @Test
  void a_missing_file_exits_2() {
    Result r = provider.run("offerings", "create", "--file", dir.resolve("nope.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: offerings create --file " + dir.resolve("nope.json") + ": no such file\n");
  }
}
