package dev.market.cli.renter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.LocalMarket;
import dev.market.cli.support.ScriptedTerminal;
import dev.market.client.MarketClient;
import dev.market.client.Provisioning;
import dev.market.protocol.crypto.Bip39;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.Offering;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, renters: reasons that reach the renter, list filters, cancelling many. Through {@code
 * Cli} against the real server (port 0, temp SQLite file); the provider is a MarketClient.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenterPolishTest {
  static final String SSH_KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop";

  @TempDir Path dir;

  LocalMarket market;
  long small;
  long ranged;
  long soldOut;
  CliRunner cli;
  Identity me;

  @BeforeAll
  void startMarket(@TempDir Path serverDir) {
    market = new LocalMarket(serverDir);
    small =
        market.offer(
            "polish-small", "Small VPS", "compute", "10", 2, "4 GB", "80 GB", null, "DE", "Berlin");
    ranged = offering("polish-ranged", "Ranged VPS", "in_stock");
    soldOut = offering("polish-sold-out", "Sold-out VPS", "out_of_stock");
  }

  /** 24 to 2160 hours, two systems, 72 a month. */
  private long offering(String id, String name, String stock) {
    return market
        .provider()
        .offerings()
        .create(
            Offering.builder()
                .offeringId(id)
                .offerName(name)
                .productType("compute")
                .currency("USD")
                .monthlyPrice(new BigDecimal("72"))
                .visibility("public")
                .stockStatus(stock)
                .processorCores(2)
                .datacenterCountry("DE")
                .minContractHours(24L)
                .maxContractHours(2160L)
                .operatingSystems("Ubuntu 22.04, Debian 12")
                .isDraft(false)
                .build());
  }

  @AfterAll
  void stopMarket() {
    market.close();
  }

  @BeforeEach
  void freshHome() throws Exception {
    Path home = Files.createTempDirectory(dir, "run");
    cli = new CliRunner(home).env("MARKET_API_URL", market.url);
    Files.createDirectories(home.resolve("user-home/.ssh"));
    Files.writeString(home.resolve("user-home/.ssh/id_ed25519.pub"), SSH_KEY + "\n");
    String phrase = Bip39.generate(12);
    Result r = cli.runWithStdin(phrase, "identity", "import", "me");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    me = Identity.fromMnemonic(phrase);
    market.fund(me, 1_000_000_000_000L);
  }

  private List<Contract> myRentals() {
    try (MarketClient c =
        MarketClient.builder().baseUrl(market.url).identity(me).maxAttempts(1).build()) {
      return c.rentals().list();
    }
  }

  // ---- the rent dialog and flags, checked as the marketplace will ----

  @Test
  void hours_outside_the_offerings_range_exit_2_and_rent_nothing() {
    for (String h : List.of("3000", "1")) {
      Result r = cli.run("rent", String.valueOf(ranged), "--yes", "--hours", h);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err().lines().toList().get(0))
          .isEqualTo(
              "error: rent offering "
                  + ranged
                  + ": --hours "
                  + h
                  + " is outside what this offering allows (24-2160 hours)");
      assertThat(r.err().lines().toList().get(1)).contains(" --hours 720 --yes");
    }
    assertThat(myRentals()).isEmpty();
  }

  @Test
  void an_os_the_offering_does_not_list_exits_2_naming_those_it_does() {
    Result r = cli.run("rent", String.valueOf(ranged), "--yes", "--hours", "24", "--os", "Windows");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines().toList().get(0))
        .isEqualTo(
            "error: rent offering "
                + ranged
                + ": --os 'Windows' is not offered here (one of: Ubuntu 22.04, Debian 12)");
    assertThat(myRentals()).isEmpty();

    Result ok =
        cli.run("rent", String.valueOf(ranged), "--yes", "--hours", "24", "--os", "debian 12");
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(myRentals().get(0).operatingSystem()).isEqualTo("Debian 12");
  }

  @Test
  void a_file_that_is_not_a_public_key_exits_2_before_anything_is_sent() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.pub"), "not a key\n");
    Result r =
        cli.run(
            "rent", String.valueOf(small), "--yes", "--hours", "24", "--ssh-key", bad.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines().toList().get(0))
        .isEqualTo(
            "error: rent offering "
                + small
                + ": --ssh-key: "
                + bad
                + " is not an SSH public key: unknown key type 'not'; expected one of ssh-ed25519,"
                + " ssh-rsa, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521,"
                + " sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com");
    Path truncated =
        Files.writeString(dir.resolve("short.pub"), SSH_KEY.substring(0, 40) + " me@host\n");
    Result cut =
        cli.run(
            "rent",
            String.valueOf(small),
            "--yes",
            "--hours",
            "24",
            "--ssh-key",
            truncated.toString());
    assertThat(cut.exitCode()).as(cut.toString()).isEqualTo(2);
    assertThat(cut.err()).contains(" is not an SSH public key: ");
    assertThat(myRentals()).isEmpty();
  }

  @Test
  void an_out_of_stock_offering_is_rented_with_a_warning_and_the_dialog_says_so() {
    Result r = cli.run("rent", String.valueOf(soldOut), "--yes", "--hours", "24", "-o", "ids");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "warning: offering "
                + soldOut
                + " is out of stock; the provider may reject the request\n");

    ScriptedTerminal t = ScriptedTerminal.interactive(80, "", "", "", "", "n");
    Result d = cli.run(t, "", "rent", String.valueOf(soldOut));
    assertThat(d.exitCode()).as(d.toString()).isZero();
    assertThat(t.transcript()).contains("\n  out of stock: the provider may reject the request\n");
  }

  @Test
  void the_dialog_offers_the_offerings_systems_and_re_asks_hours_out_of_range() {
    ScriptedTerminal t =
        ScriptedTerminal.interactive(80, "", "", "Windows", "2", "1", "3000", "", "y");
    Result r = cli.run(t, "", "rent", String.valueOf(ranged), "-o", "ids");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(t.unusedAnswers()).isZero();
    assertThat(t.transcript())
        .contains(
            """
            Operating system:
              1) Ubuntu 22.04
              2) Debian 12
            Choose 1-2 or type its name [1]: Windows
              'Windows' is not one of the systems above
            Choose 1-2 or type its name [1]: 2
            Hours, 24-2160 [720]: 1
              1 is outside what this offering allows (24-2160)
            Hours, 24-2160 [720]: 3000
              3000 is outside what this offering allows (24-2160)
            Hours, 24-2160 [720]:\s
            Price: 72.00 USD for 720 hours, paid by wallet
            """);
    Contract c = myRentals().get(0);
    assertThat(c.contractId()).isEqualTo(r.out().trim());
    assertThat(c.operatingSystem()).isEqualTo("Debian 12");
    assertThat(c.durationHours()).isEqualTo(720L);
  }

  private String rent() {
    Result r = cli.run("rent", String.valueOf(small), "--yes", "--hours", "24", "-o", "ids");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r.out().trim();
  }

  private MarketClient provider() {
    return market.provider();
  }

  private static String lineStarting(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).findFirst().orElse("(no line " + start);
  }

  // ---- formatting ----

  @Test
  void at_70_columns_offerings_keep_their_specs_and_leave_out_the_provider() {
    long gpu =
        market.offer(
            "polish-gpu",
            "GPU Box",
            "gpu",
            "360",
            16,
            "64 GB",
            "2 x 1 TB SSD",
            "RTX 4090",
            "NL",
            "");
    Result r = cli.run(ScriptedTerminal.interactive(70), "", "offerings", "list", "--type", "gpu");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(70));
    assertThat(r.out()).doesNotContain("PROVIDER");
    assertThat(r.out().lines().toList().get(1))
        .isEqualTo(gpu + "   GPU B…  1x RTX 4090, 16c…  NL       360.00 USD  0.5000 USD  -");
  }

  @Test
  void offerings_show_names_the_cpu_brand_once() {
    long id =
        market
            .provider()
            .offerings()
            .create(
                Offering.builder()
                    .offeringId("polish-ryzen")
                    .offerName("Ryzen box")
                    .productType("dedicated")
                    .currency("USD")
                    .monthlyPrice(new BigDecimal("49"))
                    .visibility("public")
                    .stockStatus("in_stock")
                    .processorBrand("AMD")
                    .processorName("AMD Ryzen 7 PRO 8700GE")
                    .processorCores(8)
                    .totalSsdCapacity("2 x 512 GB SSD")
                    .isDraft(false)
                    .build());
    Result r = cli.run("offerings", "show", String.valueOf(id));
    assertThat(lineStarting(r.out(), "cpu:")).matches("cpu: +AMD Ryzen 7 PRO 8700GE \\(8 cores\\)");
    assertThat(cli.run("offerings", "list", "--type", "dedicated").out())
        .contains("  8c, 2 x 512 GB SSD  ");
  }

  @Test
  void prices_are_rounded_for_reading_and_exact_in_json() throws Exception {
    String id = rent(); // 24 hours of 10 a month: 0.333333333
    assertThat(cli.run("status", id).out()).contains("\nprice:  ").contains(" 0.33 USD\n");
    JsonNode json = Json.mapper().readTree(cli.run("status", id, "-o", "json").out());
    assertThat(json.get("payment_amount_e9s").asLong()).isEqualTo(333_333_333L);
  }

  // ---- reasons ----

  @Test
  void a_reject_reason_shows_in_status_events_the_wait_error_and_notifications() throws Exception {
    String id = rent();
    provider().provider().reject(id, "no capacity in Berlin");

    Result status = cli.run("status", id);
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(lineStarting(status.out(), "reason:")).matches("reason: +no capacity in Berlin");
    assertThat(status.out()).doesNotContain("provider memo:");

    Result events = cli.run("events", id);
    List<String> lines = events.out().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .matches(".*  pending -> rejected +provider  rejected: no capacity in Berlin");

    Result wait = cli.run("status", id, "--wait", "provisioned");
    assertThat(wait.exitCode()).isEqualTo(6);
    assertThat(wait.err())
        .isEqualTo(
            "error: wait for contract "
                + id.substring(0, 12)
                + ": it is rejected (no capacity in Berlin), so it can no longer become"
                + " provisioned\nhint: market events "
                + id
                + "\n");

    Result notes = cli.run("notifications");
    assertThat(notes.out().lines().toList().get(1))
        .endsWith("Rental rejected  Your rental of Small VPS was rejected: no capacity in Berlin");

    JsonNode json = Json.mapper().readTree(cli.run("status", id, "-o", "json").out());
    assertThat(json.get("status_reason").asText()).isEqualTo("no capacity in Berlin");
  }

  @Test
  void an_accept_memo_shows_while_accepted_and_stays_as_the_provider_memo() {
    String id = rent();
    provider().provider().accept(id, "ready within the hour");
    assertThat(lineStarting(cli.run("status", id).out(), "reason:"))
        .matches("reason: +ready within the hour");

    provider().provider().provision(id, Provisioning.started());
    Result later = cli.run("status", id);
    assertThat(later.out()).doesNotContain("reason:");
    assertThat(lineStarting(later.out(), "provider memo:"))
        .matches("provider memo: +ready within the hour");
    assertThat(cli.run("events", id).out()).contains("  accepted: ready within the hour\n");
    assertThat(cli.run("notifications").out())
        .contains("Your rental of Small VPS was accepted: ready within the hour\n");
  }

  @Test
  void events_name_the_renter_as_renter_and_keep_the_cancel_reason() throws Exception {
    String id = rent();
    Result cancel = cli.run("cancel", id, "--reason", "changed my mind", "--yes");
    assertThat(cancel.exitCode()).as(cancel.toString()).isZero();

    List<String> lines = cli.run("events", id).out().lines().toList();
    assertThat(lines.get(0)).matches("TIME +CHANGE +ACTOR +DETAILS");
    assertThat(lines.get(1)).matches(".*  requested +renter +rental requested");
    assertThat(lines.get(lines.size() - 1))
        .matches(".*  pending -> cancelled  renter +cancelled by renter: changed my mind");
    assertThat(String.join("\n", lines)).doesNotContain("tenant");
    // -o json stays as on the wire
    JsonNode json = Json.mapper().readTree(cli.run("events", id, "-o", "json").out());
    assertThat(json.get(json.size() - 1).get("actor").asText()).isEqualTo("tenant");
  }

  @Test
  void a_provider_cancel_reason_ends_the_wait_with_it() {
    String id = rent();
    provider().provider().accept(id, null);
    provider().provider().provision(id, Provisioning.cancelled("hardware fault"));
    Result wait = cli.run("status", id, "--wait", "active");
    assertThat(wait.exitCode()).isEqualTo(6);
    assertThat(wait.err())
        .startsWith(
            "error: wait for contract "
                + id.substring(0, 12)
                + ": it is cancelled (hardware fault), so it can no longer become active\n");
  }

  // ---- rentals --status/--limit, notifications --limit and read ----

  @Test
  void rentals_filter_by_status_and_limit_newest_first() {
    String first = rent();
    String second = rent();
    String third = rent();
    assertThat(cli.run("cancel", second, "--yes").exitCode()).isZero();

    assertThat(cli.run("rentals", "--status", "cancelled", "-o", "ids").out())
        .isEqualTo(second + "\n");
    assertThat(cli.run("rentals", "--status", "pending", "-o", "ids").out())
        .isEqualTo(third + "\n" + first + "\n");
    assertThat(
            cli.run("rentals", "--status", "pending,canceled", "--limit", "2", "-o", "ids").out())
        .isEqualTo(third + "\n" + second + "\n");
    assertThat(cli.run("rentals", "--limit", "1", "-o", "ids").out()).isEqualTo(third + "\n");

    Result none = cli.run("rentals", "--status", "active");
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).isEqualTo("no rentals in state active\n");
  }

  @Test
  void rentals_with_an_unknown_status_or_a_zero_limit_exit_2() {
    Result bad = cli.run("rentals", "--status", "running");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .startsWith(
            "error: rentals: --status: 'running' is not a status (one of requested, pending,"
                + " accepted,");
    assertThat(bad.err().lines()).hasSize(2);
    Result zero = cli.run("rentals", "--limit", "0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).startsWith("error: rentals: --limit must be at least 1, got 0\n");
    Result notes = cli.run("notifications", "--limit", "0");
    assertThat(notes.exitCode()).isEqualTo(2);
    assertThat(notes.err()).startsWith("error: notifications: --limit must be at least 1, got 0\n");
  }

  @Test
  void notifications_limit_and_a_read_flag_in_json() throws Exception {
    String a = rent();
    String b = rent();
    provider().provider().accept(a, null);
    provider().provider().reject(b, null);

    JsonNode all = Json.mapper().readTree(cli.run("notifications", "-o", "json").out());
    assertThat(all.size()).isEqualTo(2);
    assertThat(all.get(0).get("read").asBoolean()).isFalse();
    assertThat(all.get(0).get("read").isBoolean()).isTrue();

    Result one = cli.run("notifications", "--limit", "1", "--mark-read", "-o", "ids");
    assertThat(one.out()).isEqualTo(all.get(0).get("id").asText() + "\n");
    assertThat(one.err()).isEqualTo("marked 1 as read\n");

    JsonNode after = Json.mapper().readTree(cli.run("notifications", "-o", "json").out());
    assertThat(after.get(0).get("read").asBoolean()).isTrue();
    assertThat(after.get(1).get("read").asBoolean()).isFalse();
  }

  // ---- cancel many ----

  @Test
  void cancel_takes_many_ids_and_reports_each() throws Exception {
    String a = rent();
    String b = rent();
    String c = rent();
    Result r = cli.run("cancel", a, b.substring(0, 12), "--yes", "--reason", "done");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("cancelled " + a + "\ncancelled " + b + "\n");

    Result again = cli.run("cancel", a, c, "--yes", "-o", "json");
    assertThat(again.exitCode()).isEqualTo(3);
    JsonNode json = Json.mapper().readTree(again.out());
    assertThat(json.get(0).get("contract_id").asText()).isEqualTo(a);
    assertThat(json.get(0).get("ok").asBoolean()).isFalse();
    assertThat(json.get(1).get("contract_id").asText()).isEqualTo(c);
    assertThat(json.get(1).get("ok").asBoolean()).isTrue();
    assertThat(again.err().lines()).hasSize(1);
    assertThat(again.err()).startsWith("error: cancel " + a + ": ");
    assertThat(cli.run("rentals", "--status", "cancelled", "-o", "ids").out().lines())
        .containsExactlyInAnyOrder(a, b, c);
  }

  @Test
  void cancel_reads_ids_from_stdin_and_needs_yes_without_a_terminal() {
    String a = rent();
    String b = rent();
    Result noYes = cli.runWithStdin(a + "\n" + b + "\n", "cancel", "-");
    assertThat(noYes.exitCode()).isEqualTo(2);
    assertThat(noYes.err())
        .isEqualTo(
            "error: cancel: needs confirmation and no terminal to ask; pass --yes\nhint: market"
                + " cancel "
                + a
                + " "
                + b
                + " --yes\n");
    assertThat(cli.run("rentals", "--status", "cancelled", "-o", "ids").out()).isEmpty();

    Result r = cli.runWithStdin(a + "\n\n" + b + "\n", "cancel", "-", "--yes", "-o", "ids");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(a + "\n" + b + "\n");
    List<String> cancelled =
        new ArrayList<>(
            cli.run("rentals", "--status", "cancelled", "-o", "ids").out().lines().toList());
    assertThat(cancelled).containsExactlyInAnyOrder(a, b);
  }
}
