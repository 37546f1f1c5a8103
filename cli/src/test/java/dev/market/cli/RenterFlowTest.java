package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.LocalMarket;
import dev.market.cli.support.ScriptedTerminal;
import dev.market.client.MarketClient;
import dev.market.client.Provisioning;
import dev.market.protocol.crypto.Bip39;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.crypto.SignatureVerifier;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.InstanceDetails;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renter's commands through {@link Cli} against the real server (port 0, temp SQLite file); the
 * provider's side is played by a MarketClient. Exact output, exit codes and server state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenterFlowTest {
  static final String SSH_KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop";

  @TempDir Path dir;

  LocalMarket market;
  long small;
  long gpu;
  CliRunner cli;
  final List<String> phrases = new CopyOnWriteArrayList<>();
  final List<CliRunner> runners = new ArrayList<>();

  @BeforeAll
  void startMarket(@TempDir Path serverDir) {
    market = new LocalMarket(serverDir);
    small =
        market.offer(
            "cli-small", "Small VPS", "compute", "10", 2, "4 GB", "80 GB", null, "DE", "Berlin");
    gpu =
        market.offer(
            "cli-gpu", "GPU Box", "gpu", "360", 16, "64 GB", "1 TB", "RTX 4090", "NL", "Amsterdam");
    phrases.add(LocalMarket.PROVIDER_PHRASE);
    phrases.add(LocalMarket.RENTER_PHRASE);
  }

  @AfterAll
  void stopMarket() {
    market.close();
  }

  @BeforeEach
  void freshHome() throws Exception {
    Path home = Files.createTempDirectory(dir, "run");
    cli = new CliRunner(home).env("MARKET_API_URL", market.url);
    runners.add(cli);
    Files.createDirectories(home.resolve("user-home/.ssh"));
    Files.writeString(home.resolve("user-home/.ssh/id_ed25519.pub"), SSH_KEY + "\n");
  }

  /** No output of any run may carry a seed phrase or a secret key. */
  @AfterEach
  void noSecretLeaked() {
    for (Result r : runners.stream().flatMap(c -> c.history().stream()).toList()) {
      String all = r.out() + r.err();
      for (String phrase : phrases) {
        assertThat(all).doesNotContain(phrase);
        assertThat(all).doesNotContain(Hex.encode(Identity.fromMnemonic(phrase).secretKey()));
      }
    }
  }

  /** Imports a renter identity no other test uses, so its rentals are exactly this test's. */
  private Identity newRenter() {
    String phrase = Bip39.generate(12);
    phrases.add(phrase);
    Result r = cli.runWithStdin(phrase, "identity", "import", "me");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    // every rent escrows its price (issue 10): 1000 units to start with
    market.fund(Identity.fromMnemonic(phrase), 1_000_000_000_000L);
    return Identity.fromMnemonic(phrase);
  }

  private MarketClient clientOf(Identity id) {
    return MarketClient.builder().baseUrl(market.url).identity(id).maxAttempts(1).build();
  }

  private String rent(long offering, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("rent", String.valueOf(offering), "--yes", "-o", "ids"));
    args.addAll(List.of(extra));
    if (!args.contains("--hours")) {
      args.addAll(List.of("--hours", "720"));
    }
    Result r = cli.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).matches("[0-9a-f]{64}\n");
    return r.out().trim();
  }

  private String providerShort() {
    return market.providerIdentity.publicKeyHex().substring(0, 8) + "…";
  }

  // ---- offerings ----

  @Test
  void offerings_list_prints_a_table_cheapest_first() {
    Result r = cli.run("offerings", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String p = providerShort();
    assertThat(r.out())
        .isEqualTo(
            "ID  NAME       PROVIDER   SPECS                              COUNTRY  PER MONTH   PER HOUR"
                + "    RATING\n"
                + small
                + "   Small VPS  "
                + p
                + "  2c, 4 GB, 80 GB SSD                DE       10.00 USD   0.0139 USD  -\n"
                + gpu
                + "   GPU Box    "
                + p
                + "  1x RTX 4090, 16c, 64 GB, 1 TB SSD  NL       360.00 USD  0.5000 USD  -\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void offerings_list_filters_and_prints_json_as_on_the_wire() throws Exception {
    Result r = cli.run("offerings", "list", "--type", "gpu", "--max-price", "500", "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.isArray()).isTrue();
    assertThat(json.size()).isEqualTo(1);
    assertThat(json.get(0).get("id").asLong()).isEqualTo(gpu);
    assertThat(json.get(0).get("offer_name").asText()).isEqualTo("GPU Box");
    assertThat(json.get(0).get("monthly_price").decimalValue()).isEqualByComparingTo("360");
    assertThat(json.get(0).get("pubkey").asText())
        .isEqualTo(market.providerIdentity.publicKeyHex());
  }

  @Test
  void offerings_list_ids_and_query_expressions() {
    assertThat(cli.run("offerings", "list", "-o", "ids").out())
        .isEqualTo(small + "\n" + gpu + "\n");
    assertThat(cli.run("offerings", "list", "-q", "cores:>=8 country:nl", "-o", "ids").out())
        .isEqualTo(gpu + "\n");
    assertThat(cli.run("offerings", "list", "--all", "-o", "ids").out())
        .isEqualTo(small + "\n" + gpu + "\n");
    assertThat(cli.run("offerings", "list", "--limit", "1", "-o", "ids").out())
        .isEqualTo(small + "\n");
  }

  @Test
  void offerings_list_with_no_match_says_so_on_stderr_naming_the_filters() {
    Result r = cli.run("offerings", "list", "--country", "JP", "--max-price", "5", "--in-stock");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("no offerings match --country JP --max-price 5 --in-stock\n");
    Result json = cli.run("offerings", "list", "--country", "JP", "-o", "json");
    assertThat(json.out()).isEqualTo("[ ]\n");
  }

  @Test
  void a_bad_search_expression_is_a_usage_error_with_the_servers_reason() {
    Result r = cli.run("offerings", "list", "-q", "colour:red");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: list offerings: q: unknown field 'colour' at column 1; known fields: name,"
                + " desc, type, stock, price, currency, cores, memory, ssd, hdd, country, city,"
                + " gpu, gpu_count, gpu_memory, min_hours, max_hours, os, trust, rating, reviews\n"
                + "hint: market offerings list --help   (the query language)\n");
  }

  @Test
  void offerings_show_prints_the_details_and_json() throws Exception {
    Result r = cli.run("offerings", "show", String.valueOf(gpu));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "id:             "
                + gpu
                + "\n"
                + "name:           GPU Box\n"
                + "type:           gpu\n"
                + "provider:       "
                + market.providerIdentity.publicKeyHex()
                + "\n"
                + "provider's id:  cli-gpu\n"
                + "rating:         no reviews yet\n"
                + "price:          360.00 USD a month (0.5000 USD an hour)\n"
                + "stock:          in_stock\n"
                + "cpu:            AMD EPYC (16 cores)\n"
                + "memory:         64 GB\n"
                + "ssd:            1 TB\n"
                + "gpu:            1x RTX 4090 (24 GB)\n"
                + "network:        1 Gbit unmetered\n"
                + "location:       Amsterdam, NL\n"
                + "rental:         1 to 8760 hours\n"
                + "systems:        debian-12,ubuntu-24.04\n"
                + "description:    GPU Box for tests\n");
    JsonNode json =
        Json.mapper()
            .readTree(cli.run("offerings", "show", String.valueOf(gpu), "-o", "json").out());
    assertThat(json.get("offering_id").asText()).isEqualTo("cli-gpu");
  }

  @Test
  void offerings_show_of_an_unknown_id_exits_3() {
    Result r = cli.run("offerings", "show", "999999");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: get offering 999999: ");
    assertThat(r.err()).endsWith("\nhint: market offerings list\n");
    assertThat(r.err().lines()).hasSize(2);
  }

  @Test
  void a_closed_port_exits_5_with_a_hint_naming_the_url() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    Result r = cli.run("offerings", "list", "--api-url", url);
    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: list offerings: ");
    assertThat(r.err())
        .endsWith(
            "hint: check that the marketplace is running at "
                + url
                + " (or pass --api-url URL); retrying may help\n");
    assertThat(r.err().lines()).hasSize(2);
  }

  @Test
  void debug_adds_the_stack_trace() throws Exception {
    Result r = cli.run("offerings", "show", "999999", "--debug");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("NotFoundException").contains("\tat ");
  }

  // ---- rent ----

  @Test
  void rent_without_a_terminal_rents_with_the_default_key_and_prints_the_id() {
    Identity me = newRenter();
    Result r =
        cli.run(
            "rent",
            String.valueOf(small),
            "--yes",
            "--hours",
            "24",
            "--contact",
            "email:me@example.com");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).matches("[0-9a-f]{64}\n");
    String id = r.out().trim();
    assertThat(r.err())
        .isEqualTo(
            "requested: the provider will accept or reject it\n"
                + "follow it: market status "
                + id
                + " --watch\n");
    try (MarketClient c = clientOf(me)) {
      Contract contract = c.rentals().get(id);
      assertThat(contract.requesterSshPubkey()).isEqualTo(SSH_KEY);
      assertThat(contract.requesterContact()).isEqualTo("email:me@example.com");
      assertThat(contract.durationHours()).isEqualTo(24L);
      assertThat(contract.paymentMethod()).isEqualTo("wallet");
      // 10 USD a month for 24 of 720 hours
      assertThat(contract.paymentAmountE9s()).isEqualTo(333_333_333L);
      assertThat(contract.status()).isEqualTo("pending");
    }
  }

  @Test
  void rent_json_prints_the_answer_and_ssh_key_can_come_from_stdin() throws Exception {
    newRenter();
    String other = SSH_KEY.replace("alice@laptop", "from-stdin");
    Result r =
        cli.runWithStdin(
            other + "\n",
            "rent",
            String.valueOf(small),
            "--ssh-key",
            "-",
            "--yes",
            "--hours",
            "24",
            "-o",
            "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    String id = json.get("contract_id").asText();
    assertThat(id).matches("[0-9a-f]{64}");
    assertThat(cli.run("status", id, "-o", "json").out()).contains("from-stdin");
  }

  @Test
  void rent_without_a_terminal_and_without_yes_exits_2_and_rents_nothing() {
    Identity me = newRenter();
    Result r = cli.run("rent", String.valueOf(small), "--hours", "48");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    Path key =
        cli.env().entrySet().stream()
            .filter(e -> e.getKey().equals("HOME"))
            .map(e -> Path.of(e.getValue(), ".ssh", "id_ed25519.pub"))
            .findFirst()
            .orElseThrow();
    assertThat(r.err())
        .isEqualTo(
            "error: rent offering "
                + small
                + ": needs confirmation and there is no terminal to ask; pass --yes\n"
                + "hint: market rent "
                + small
                + " --ssh-key "
                + key
                + " --hours 48 --yes\n");
    try (MarketClient c = clientOf(me)) {
      assertThat(c.rentals().list()).isEmpty();
    }
  }

  @Test
  void rent_with_yes_but_without_hours_exits_2_and_rents_nothing() {
    Identity me = newRenter();
    Result r = cli.run("rent", String.valueOf(small), "--yes", "--contact", "email:me@example.com");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    String key = Path.of(cli.env().get("HOME"), ".ssh", "id_ed25519.pub").toString();
    assertThat(r.err())
        .isEqualTo(
            "error: rent offering "
                + small
                + ": --hours is required when nothing asks (the price depends on it)\n"
                + "hint: market rent "
                + small
                + " --ssh-key "
                + key
                + " --contact email:me@example.com --hours 720 --yes\n");
    try (MarketClient c = clientOf(me)) {
      assertThat(c.rentals().list()).isEmpty();
    }
  }

  @Test
  void rent_with_the_same_idempotency_key_twice_rents_once() {
    Identity me = newRenter();
    String first = rent(small, "--idempotency-key", "nightly-2026-11-26");
    String again = rent(small, "--idempotency-key", "nightly-2026-11-26");
    assertThat(again).isEqualTo(first);
    try (MarketClient c = clientOf(me)) {
      assertThat(c.rentals().list()).extracting(Contract::contractId).containsExactly(first);
    }
    Result bad =
        cli.run("rent", String.valueOf(small), "--yes", "--hours", "2", "--idempotency-key", "a b");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .startsWith(
            "error: rent offering "
                + small
                + ": --idempotency-key must be 1 to 255 printable ASCII characters, no spaces\n");
  }

  @Test
  void rent_wait_json_that_times_out_prints_the_last_state_with_the_new_id() throws Exception {
    Identity me = newRenter();
    Result r =
        cli.run(
            "rent",
            String.valueOf(small),
            "--yes",
            "--hours",
            "24",
            "--wait",
            "accepted",
            "--timeout",
            "1s",
            "-o",
            "json");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(8);
    JsonNode json = Json.mapper().readTree(r.out());
    String id;
    try (MarketClient c = clientOf(me)) {
      id = c.rentals().list().get(0).contractId();
    }
    assertThat(json.get("contract_id").asText()).isEqualTo(id);
    assertThat(json.get("status").asText()).isEqualTo("pending");
    assertThat(r.err())
        .startsWith(
            "error: wait for contract " + id.substring(0, 12) + ": still pending after 1s\n");
  }

  @Test
  void status_wait_json_prints_the_last_state_on_exit_6_and_8() throws Exception {
    newRenter();
    String rejected = rent(small);
    market.provider().provider().reject(rejected, "no capacity");
    Result unreachable = cli.run("status", rejected, "--wait", "active", "-o", "json");
    assertThat(unreachable.exitCode()).isEqualTo(6);
    JsonNode gone = Json.mapper().readTree(unreachable.out());
    assertThat(gone.get("contract_id").asText()).isEqualTo(rejected);
    assertThat(gone.get("status").asText()).isEqualTo("rejected");

    String pending = rent(small);
    Result timeout =
        cli.run("status", pending, "--wait", "active", "--timeout", "1s", "-o", "json");
    assertThat(timeout.exitCode()).isEqualTo(8);
    JsonNode still = Json.mapper().readTree(timeout.out());
    assertThat(still.get("contract_id").asText()).isEqualTo(pending);
    assertThat(still.get("status").asText()).isEqualTo("pending");
    assertThat(timeout.err()).startsWith("error: wait for contract ");
  }

  @Test
  void rent_without_any_ssh_key_exits_2_naming_the_flag() throws Exception {
    newRenter();
    Files.delete(Path.of(cli.env().get("HOME"), ".ssh", "id_ed25519.pub"));
    Result r = cli.run("rent", String.valueOf(small), "--yes");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: rent offering " + small + ": no SSH public key: pass --ssh-key")
        .endsWith("hint: market rent " + small + " --ssh-key ~/.ssh/YOUR_KEY.pub --yes\n");
  }

  @Test
  void rent_refuses_a_private_key_without_echoing_it() throws Exception {
    Identity me = newRenter();
    Path priv = Path.of(cli.env().get("HOME"), ".ssh", "id_ed25519");
    String secret =
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAASECRETSECRET\n-----END OPENSSH PRIVATE KEY-----\n";
    Files.writeString(priv, secret);
    Result r = cli.run("rent", String.valueOf(small), "--ssh-key", priv.toString(), "--yes");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("holds a PRIVATE key; nothing was sent")
        .doesNotContain("SECRETSECRET");
    try (MarketClient c = clientOf(me)) {
      assertThat(c.rentals().list()).isEmpty();
    }
  }

  @Test
  void rent_with_a_bad_contact_or_payment_method_exits_2_naming_the_flag() {
    newRenter();
    Result contact = cli.run("rent", String.valueOf(small), "--yes", "--contact", "pigeon:coo");
    assertThat(contact.exitCode()).isEqualTo(2);
    assertThat(contact.err())
        .startsWith("error: rent offering " + small + ": --contact: unknown kind 'pigeon'");
    Result pay = cli.run("rent", String.valueOf(small), "--yes", "--payment-method", "gold");
    assertThat(pay.exitCode()).isEqualTo(2);
    assertThat(pay.err())
        .startsWith(
            "error: rent offering "
                + small
                + ": --payment-method 'gold' is not one of wallet, stripe, test");
  }

  @Test
  void rent_the_server_refuses_exits_3_and_nothing_is_rented() {
    Identity me = newRenter();
    // hours outside the offering's range are caught before sending (RenterPolishTest); a memo
    // over the marketplace's limit is the server's to refuse
    Result r =
        cli.run(
            "rent", String.valueOf(small), "--yes", "--hours", "24", "--memo", "x".repeat(1001));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: rent offering " + small + ": ");
    assertThat(r.err()).contains("request_memo");
    try (MarketClient c = clientOf(me)) {
      assertThat(c.rentals().list()).isEmpty();
    }
  }

  @Test
  void rent_dialog_on_a_terminal_asks_for_the_missing_details_and_confirms_with_the_price()
      throws Exception {
    Identity me = newRenter();
    Path ssh = Path.of(cli.env().get("HOME"), ".ssh");
    Files.writeString(ssh.resolve("work.pub"), SSH_KEY.replace("alice@laptop", "work") + "\n");
    ScriptedTerminal t =
        ScriptedTerminal.interactive(100, "2", "bogus", "matrix:@me:example.org", "", "48", "y");
    Result r = cli.run(t, "", "rent", String.valueOf(gpu));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(t.unusedAnswers()).isZero();
    assertThat(r.out()).matches("[0-9a-f]{64}\n");
    String p = market.providerIdentity.publicKeyHex();
    assertThat(t.transcript())
        .isEqualTo(
            "Renting offering "
                + gpu
                + ": GPU Box (gpu)\n"
                + "  1x RTX 4090, 16c, 64 GB, 1 TB SSD - Amsterdam, NL\n"
                + "  360.00 USD a month (0.5000 USD an hour)\n"
                + "  provider "
                + p
                + "\n"
                + "SSH key for the machine:\n"
                + "  1) id_ed25519.pub  ssh-ed25519 AAAAC3Nz…GKJl alice@laptop\n"
                + "  2) work.pub  ssh-ed25519 AAAAC3Nz…GKJl work\n"
                + "Choose 1-2 or type a path [1]: 2\n"
                + "Contact for the provider (e.g. email:you@example.com; Enter for none): bogus\n"
                + "  'bogus' is not KIND:VALUE (e.g. email:you@example.com)\n"
                + "Contact for the provider (e.g. email:you@example.com; Enter for none): matrix:@me:example.org\n"
                + "Operating system:\n"
                + "  1) debian-12\n"
                + "  2) ubuntu-24.04\n"
                + "Choose 1-2 or type its name [1]: \n"
                + "Hours, 1-8760 [720]: 48\n"
                + "Price: 24.00 USD for 48 hours, paid by wallet\n"
                + "Wallet: 1000.00, 976.00 after this rent\n"
                + "Rent it? [y/N] y\n");
    try (MarketClient c = clientOf(me)) {
      Contract contract = c.rentals().get(r.out().trim());
      assertThat(contract.requesterSshPubkey()).endsWith(" work");
      assertThat(contract.requesterContact()).isEqualTo("matrix:@me:example.org");
      assertThat(contract.durationHours()).isEqualTo(48L);
      assertThat(contract.operatingSystem()).isEqualTo("debian-12");
      assertThat(contract.paymentAmountE9s()).isEqualTo(24_000_000_000L);
    }
  }

  @Test
  void declining_the_dialog_rents_nothing() {
    Identity me = newRenter();
    ScriptedTerminal t = ScriptedTerminal.interactive(80, "", "", "n");
    Result r =
        cli.run(
            t,
            "",
            "rent",
            String.valueOf(small),
            "--contact",
            "email:a@b.example",
            "--hours",
            "10");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("not rented\n");
    assertThat(t.transcript())
        .contains("Choose 1-1 or type a path [1]: \n")
        .endsWith(
            """
            Price: 0.14 USD for 10 hours, paid by wallet
            Wallet: 1000.00, 999.86 after this rent
            Rent it? [y/N] n
            """);
    try (MarketClient c = clientOf(me)) {
      assertThat(c.rentals().list()).isEmpty();
    }
  }

  @Test
  void dry_run_prints_a_signed_request_the_server_verifier_accepts_and_sends_nothing() {
    Identity me = newRenter();
    Result r = cli.run("rent", String.valueOf(small), "--dry-run", "--hours", "5");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String[] parts = r.out().split("\n\n", 2);
    String[] head = parts[0].split("\n", -1);
    assertThat(head[0]).isEqualTo("POST " + market.url + "/api/v1/contracts");
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(": ");
      headers.put(
          head[i].substring(0, colon).toLowerCase(Locale.ROOT), head[i].substring(colon + 2));
    }
    String body = parts[1].substring(0, parts[1].length() - 1);
    assertThat(body).contains("\"offering_db_id\":" + small).contains("\"duration_hours\":5");
    assertThat(headers.get("x-public-key")).isEqualTo(me.publicKeyHex());
    assertThat(headers).containsKey("idempotency-key");
    SignatureVerifier.Verification v =
        new SignatureVerifier()
            .verify(
                headers.get("x-public-key"),
                headers.get("x-signature"),
                headers.get("x-timestamp"),
                headers.get("x-nonce"),
                "POST",
                "/api/v1/contracts",
                body.getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis() * 1_000_000L);
    assertThat(v.ok()).as(String.valueOf(v)).isTrue();
    try (MarketClient c = clientOf(me)) {
      assertThat(c.rentals().list()).isEmpty();
    }
  }

  // ---- rentals, status, events, cancel ----

  @Test
  void rentals_lists_newest_first_in_every_format() throws Exception {
    newRenter();
    String first = rent(small, "--hours", "24");
    String second = rent(gpu, "--hours", "2");
    Result table = cli.run("rentals");
    assertThat(table.exitCode()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .matches("ID +STATUS +OFFERING +PROVIDER +HOURS +PRICE +MONEY +ENDS +RENEW");
    assertThat(lines.get(1))
        .startsWith(
            second.substring(0, 12)
                + "  pending  GPU Box    "
                + providerShort()
                + "  2      1.00 USD  ");
    assertThat(lines.get(2))
        .startsWith(
            first.substring(0, 12)
                + "  pending  Small VPS  "
                + providerShort()
                + "  24     0.33 USD  ");
    assertThat(cli.run("rentals", "-o", "ids").out()).isEqualTo(second + "\n" + first + "\n");
    JsonNode json = Json.mapper().readTree(cli.run("rentals", "-o", "json").out());
    assertThat(json.get(0).get("contract_id").asText()).isEqualTo(second);
    assertThat(json.get(1).get("requester_ssh_pubkey").asText()).isEqualTo(SSH_KEY);
  }

  @Test
  void rentals_of_a_new_identity_is_empty_with_a_hint_on_stderr() {
    newRenter();
    Result r = cli.run("rentals");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("no rentals yet; find an offering with: market offerings list\n");
    assertThat(cli.run("rentals", "-o", "json").out()).isEqualTo("[ ]\n");
  }

  @Test
  void status_shows_the_contract_and_accepts_a_prefix() throws Exception {
    Identity me = newRenter();
    String id = rent(small, "--hours", "24", "--memo", "hello");
    Result r = cli.run("status", id.substring(0, 12));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("contract:  " + id + "\nstatus:    pending\noffering:  Small VPS (cli-small)\n")
        .contains("renter:    " + me.publicKeyHex() + "\n")
        .contains("hours:     24\n")
        .contains("price:     0.33 USD\n")
        .contains("ssh key:   ssh-ed25519 AAAAC3Nz…GKJl alice@laptop\n")
        .contains("memo:      hello\n");
    assertThat(cli.run("status", id, "-o", "ids").out()).isEqualTo(id + "\n");
    assertThat(
            Json.mapper()
                .readTree(cli.run("status", id, "-o", "json").out())
                .get("status")
                .asText())
        .isEqualTo("pending");
  }

  @Test
  void status_on_a_terminal_colours_the_status_with_real_escape_codes() {
    newRenter();
    String id = rent(small);
    Result r = cli.run(ScriptedTerminal.interactive(100), "", "status", id);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("contract:  " + id + "\nstatus:    \u001b[33mpending\u001b[0m\n");
    Result plain =
        cli.env("NO_COLOR", "1").run(ScriptedTerminal.interactive(100), "", "status", id);
    assertThat(plain.out()).startsWith("contract:  " + id + "\nstatus:    pending\n");
  }

  @Test
  void status_of_a_bad_or_unknown_id_exits_2_or_3() {
    newRenter();
    Result bad = cli.run("status", "xyz");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "error: status 'xyz': not a contract id (64 hex characters)\nhint: "
                + "market rentals -o ids; market contracts -o ids\n");
    Result unknown = cli.run("status", "0".repeat(64));
    assertThat(unknown.exitCode()).isEqualTo(3);
    assertThat(unknown.err())
        .endsWith("hint: market rentals   (contracts of other renters are not visible)\n");
    assertThat(unknown.err()).startsWith("error: get contract 00000000…: ");
    Result prefix = cli.run("status", "abcdef0123");
    assertThat(prefix.exitCode()).isEqualTo(3);
    assertThat(prefix.err())
        .startsWith(
            "error: status 'abcdef0123': none of your rentals or contracts as provider has an id"
                + " starting so\n")
        .endsWith("\nhint: market rentals -o ids; market contracts -o ids\n")
        .hasLineCount(2);
  }

  @Test
  void another_renters_contract_is_not_visible() {
    newRenter();
    String id = rent(small);
    CliRunner other = new CliRunner(dir.resolve("other")).env("MARKET_API_URL", market.url);
    runners.add(other);
    String phrase = Bip39.generate(12);
    phrases.add(phrase);
    other.runWithStdin(phrase, "identity", "import", "other");
    String shortId = id.substring(0, 8) + "…";
    Result r = other.run("status", id);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "error: get contract "
                + shortId
                + ": contract not found\n"
                + "hint: market rentals   (contracts of other renters are not visible)\n");
    Result cancel = other.run("cancel", id, "--yes");
    assertThat(cancel.exitCode()).isEqualTo(3);
    assertThat(cancel.err())
        .startsWith("error: cancel contract " + shortId + ": contract not found\n");
    assertThat(cli.run("status", id, "-o", "json").out()).contains("\"status\" : \"pending\"");
  }

  @Test
  void status_wait_exits_0_when_reached_6_when_unreachable_8_on_timeout() {
    newRenter();
    String accepted = rent(small);
    market.provider().provider().accept(accepted, "ok");
    Result reached = cli.run("status", accepted, "--wait", "accepted", "-o", "ids");
    assertThat(reached.exitCode()).as(reached.toString()).isZero();
    assertThat(reached.out()).isEqualTo(accepted + "\n");

    String rejected = rent(small);
    market.provider().provider().reject(rejected, "no capacity");
    Result unreachable = cli.run("status", rejected, "--wait", "active");
    assertThat(unreachable.exitCode()).isEqualTo(6);
    assertThat(unreachable.out()).isEmpty();
    assertThat(unreachable.err())
        .isEqualTo(
            "error: wait for contract "
                + rejected.substring(0, 12)
                + ": it is rejected (no capacity), so it can no longer become active\n"
                + "hint: market events "
                + rejected
                + "\n");

    String pending = rent(small);
    Result timeout = cli.run("status", pending, "--wait", "active", "--timeout", "1s");
    assertThat(timeout.exitCode()).isEqualTo(8);
    assertThat(timeout.err())
        .isEqualTo(
            "error: wait for contract "
                + pending.substring(0, 12)
                + ": still pending after 1s\n"
                + "hint: market status "
                + pending
                + " --wait active --timeout 30m\n");
  }

  @Test
  void status_wait_sees_a_change_made_while_waiting_and_shows_progress_on_a_terminal()
      throws Exception {
    newRenter();
    String id = rent(small);
    Thread provider =
        new Thread(
            () -> {
              try {
                Thread.sleep(700);
                market.provider().provider().accept(id, null);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    provider.start();
    Result r =
        cli.run(
            ScriptedTerminal.interactive(80),
            "",
            "status",
            id,
            "--wait",
            "accepted",
            "--timeout",
            "20s",
            "--no-color",
            "-o",
            "ids");
    provider.join();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    // the first poll normally sees pending; on a slow machine it may already see accepted
    String shortId = id.substring(0, 12);
    List<String> lines = r.err().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "waiting up to 20s for contract "
                + shortId
                + " to be accepted (Ctrl-C stops waiting, not the rental)");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("  " + shortId + "  accepted");
    assertThat(lines.subList(1, lines.size() - 1))
        .allMatch(l -> l.equals("  " + shortId + "  pending"));
    assertThat(lines.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void status_wait_with_an_unknown_state_or_both_wait_and_watch_exits_2() {
    Result r = cli.run("status", "a".repeat(64), "--wait", "done");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: status: --wait: 'done' is not a status (one of requested, pending, accepted");
    Result both = cli.run("status", "a".repeat(64), "--wait", "active", "--watch");
    assertThat(both.exitCode()).isEqualTo(2);
    Result badTimeout =
        cli.run("status", "a".repeat(64), "--wait", "active", "--timeout", "sooner");
    assertThat(badTimeout.exitCode()).isEqualTo(2);
    assertThat(badTimeout.err()).contains("'sooner' is not a duration (e.g. 30s, 10m, 1h30m, 2d)");
    // a word of the seed-phrase list is never repeated, wherever it was typed
    Result seedWord = cli.run("status", "a".repeat(64), "--wait", "active", "--timeout", "soon");
    assertThat(seedWord.exitCode()).isEqualTo(2);
    assertThat(seedWord.err())
        .startsWith("error: ")
        .contains("the value (not shown) is not a duration")
        .doesNotContain("soon");
  }

  @Test
  void watch_prints_each_change_until_the_rental_ends() throws Exception {
    newRenter();
    String id = rent(small);
    Thread provider =
        new Thread(
            () -> {
              try {
                Thread.sleep(600);
                market.provider().provider().accept(id, null);
                Thread.sleep(1200);
                market
                    .provider()
                    .provider()
                    .provision(id, Provisioning.cancelled("hardware fault"));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    provider.start();
    Result r = cli.run("status", id, "--watch", "-o", "ids", "--timeout", "30s");
    provider.join();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    // each change is printed once; a change faster than the poll interval may be skipped
    List<String> seen = r.out().lines().toList();
    assertThat(seen.get(seen.size() - 1)).isEqualTo("cancelled");
    assertThat(seen).isSubsetOf("pending", "accepted", "cancelled").doesNotHaveDuplicates();
    assertThat(List.of("pending", "accepted", "cancelled")).containsSubsequence(seen);
  }

  @Test
  void events_show_the_history_oldest_first() throws Exception {
    newRenter();
    String id = rent(small);
    market.provider().provider().accept(id, "welcome aboard");
    Result r = cli.run("events", id);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).matches("TIME +CHANGE +ACTOR +DETAILS");
    assertThat(lines.get(lines.size() - 1))
        .matches(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  pending -> accepted +provider +\\S.*");
    JsonNode json = Json.mapper().readTree(cli.run("events", id, "-o", "json").out());
    assertThat(json.get(json.size() - 1).get("new_status").asText()).isEqualTo("accepted");
    assertThat(json.get(json.size() - 1).get("actor").asText()).isEqualTo("provider");
  }

  @Test
  void cancel_needs_yes_without_a_terminal_then_cancels_and_a_second_cancel_exits_3() {
    newRenter();
    String id = rent(small);
    Result noYes = cli.run("cancel", id);
    assertThat(noYes.exitCode()).isEqualTo(2);
    assertThat(noYes.err())
        .isEqualTo(
            "error: cancel: needs confirmation and no terminal to ask; pass --yes\nhint: market cancel "
                + id
                + " --yes\n");
    Result r = cli.run("cancel", id, "--reason", "changed my mind", "--yes", "-o", "ids");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(id + "\n");
    assertThat(cli.run("status", id, "-o", "json").out()).contains("\"status\" : \"cancelled\"");
    Result again = cli.run("cancel", id, "--yes");
    assertThat(again.exitCode()).isEqualTo(3);
    assertThat(again.err()).startsWith("error: cancel contract " + id.substring(0, 8) + "…: ");
    assertThat(again.err().lines()).hasSize(1);
  }

  @Test
  void cancel_on_a_terminal_asks_first() {
    newRenter();
    String id = rent(small);
    ScriptedTerminal t = ScriptedTerminal.interactive(80, "y");
    Result r = cli.run(t, "", "cancel", id);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(t.transcript()).isEqualTo("Cancel rental " + id.substring(0, 12) + "? [y/N] y\n");
    assertThat(cli.run("status", id, "-o", "json").out()).contains("\"status\" : \"cancelled\"");
  }

  // ---- connect, credentials, notifications ----

  private String provisioned() {
    String id = rent(small);
    market.provider().provider().accept(id, null);
    market.provider().provider().provision(id, Provisioning.started());
    market
        .provider()
        .provider()
        .provision(
            id,
            Provisioning.done(
                new InstanceDetails(
                    "192.0.2.9",
                    null,
                    2222,
                    "debian",
                    "hunter2-long-secret",
                    "use the debian user")));
    return id;
  }

  @Test
  void connect_prints_the_ssh_command_and_exec_runs_it() {
    newRenter();
    String id = provisioned();
    Result r = cli.run("connect", id);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("ssh -p 2222 debian@192.0.2.9\n");
    assertThat(r.err()).isEqualTo("provider's note: use the debian user\n");
    List<List<String>> ran = new CopyOnWriteArrayList<>();
    cli.processRunner(
        cmd -> {
          ran.add(cmd);
          return 7;
        });
    Result exec = cli.run("connect", id, "--exec");
    assertThat(exec.exitCode()).isEqualTo(7);
    assertThat(ran).containsExactly(List.of("ssh", "-p", "2222", "debian@192.0.2.9"));
    assertThat(cli.run("connect", id, "-o", "json").out())
        .contains("\"ssh_port\" : 2222")
        .doesNotContain("hunter2");
  }

  @Test
  void connect_before_provisioning_exits_3_with_the_wait_command() {
    newRenter();
    String id = rent(small);
    Result r = cli.run("connect", id);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "error: connect contract "
                + id.substring(0, 12)
                + ": no connection details yet (it is pending)\n"
                + "hint: market status "
                + id
                + " --wait provisioned\n");
  }

  @Test
  void credentials_are_decrypted_locally_and_printed_alone() throws Exception {
    newRenter();
    String id = provisioned();
    Result r = cli.run("credentials", id);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("hunter2-long-secret\n");
    assertThat(r.err()).isEmpty();
    Result tty = cli.run(ScriptedTerminal.interactive(80), "", "credentials", id);
    assertThat(tty.err())
        .isEqualTo("warning: the password is shown on screen; pipe it to keep it off\n");
    JsonNode json = Json.mapper().readTree(cli.run("credentials", id, "-o", "json").out());
    assertThat(json.get("password").asText()).isEqualTo("hunter2-long-secret");
    // the status view never carries it
    assertThat(cli.run("status", id).out())
        .contains("connection:  debian@192.0.2.9 port 2222")
        .doesNotContain("hunter2");
  }

  @Test
  void notifications_list_unread_and_mark_read() throws Exception {
    Identity me = newRenter();
    String id = rent(small);
    market.provider().provider().accept(id, null);
    Result r = cli.run("notifications", "--unread", "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.size()).isEqualTo(1);
    assertThat(json.get(0).get("contract_id").asText()).isEqualTo(id);
    Result table = cli.run("notifications", "--mark-read");
    assertThat(table.out().lines().toList().get(1))
        .startsWith("*  " + json.get(0).get("id").asLong() + "  ")
        .contains("  " + id.substring(0, 12) + "  Rental accepted  ")
        .endsWith(" was accepted");
    assertThat(table.err()).isEqualTo("marked 1 as read\n");
    try (MarketClient c = clientOf(me)) {
      assertThat(c.notifications().unreadCount()).isZero();
    }
    Result none = cli.run("notifications", "--unread");
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).isEqualTo("no unread notifications\n");
  }

  @Test
  void rent_with_wait_follows_the_rental_to_the_state_asked() throws Exception {
    Identity me = newRenter();
    List<String> created = new CopyOnWriteArrayList<>();
    List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    MarketClient providerClient = market.provider();
    Thread provider =
        new Thread(
            () -> {
              try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (created.isEmpty() && System.nanoTime() < deadline) {
                  var pending = providerClient.provider().pendingRequests();
                  if (!pending.isEmpty()) {
                    for (Contract c : pending) {
                      if (!me.publicKeyHex().equals(c.requesterPubkey())) {
                        continue; // other tests' requests stay as they are
                      }
                      providerClient.provider().accept(c.contractId(), null);
                      created.add(c.contractId());
                    }
                  }
                  Thread.sleep(100);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                failures.add(e);
              }
            });
    provider.start();
    Result r =
        cli.run(
            "rent",
            String.valueOf(small),
            "--yes",
            "--hours",
            "24",
            "--wait",
            "accepted",
            "--timeout",
            "60s",
            "-o",
            "json");
    provider.join();
    assertThat(failures).isEmpty();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.get("status").asText()).isEqualTo("accepted");
    assertThat(created).contains(json.get("contract_id").asText());
  }

  @Test
  void a_clock_the_server_calls_stale_exits_4() {
    newRenter();
    cli.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30)));
    Result r = cli.run("rentals");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("error: list my rentals: ")
        .endsWith(
            "hint: check this computer's clock: signatures are accepted within 5 minutes of the"
                + " marketplace's time\n");
    assertThat(r.err().lines()).hasSize(2);
  }

  @Test
  void ctrl_c_in_the_dialog_exits_130_and_rents_nothing() {
    Identity me = newRenter();
    ScriptedTerminal t = ScriptedTerminal.interactive(80, ScriptedTerminal.CTRL_C);
    Result r = cli.run(t, "", "rent", String.valueOf(small));
    assertThat(r.exitCode()).isEqualTo(130);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: rent: interrupted\n");
    try (MarketClient c = clientOf(me)) {
      assertThat(c.rentals().list()).isEmpty();
    }
  }

  @Test
  void status_badges_are_coloured_on_a_terminal_unless_turned_off() {
    newRenter();
    String id = rent(small);
    Result tty = cli.run(ScriptedTerminal.interactive(200), "", "rentals");
    assertThat(tty.out()).contains("\u001b[33mpending\u001b[0m");
    Result off = cli.run(ScriptedTerminal.interactive(200), "", "rentals", "--no-color");
    assertThat(off.out()).doesNotContain("\u001b[").contains(id.substring(0, 12) + "  pending");
    cli.env("NO_COLOR", "1");
    assertThat(cli.run(ScriptedTerminal.interactive(200), "", "rentals").out())
        .doesNotContain("\u001b[");
    cli.env("NO_COLOR", null);
    assertThat(cli.run("rentals").out()).doesNotContain("\u001b[");
  }

  @Test
  void a_narrow_terminal_truncates_names_with_an_ellipsis() {
    Result r = cli.run(ScriptedTerminal.interactive(70), "", "offerings", "list");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(70));
    assertThat(r.out()).contains("…");
  }

  @Test
  void dry_run_with_json_output_is_one_json_object_and_public_calls_are_unsigned()
      throws Exception {
    Result r = cli.run("offerings", "list", "--type", "gpu", "--dry-run", "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.get("method").asText()).isEqualTo("GET");
    assertThat(json.get("url").asText())
        .startsWith(market.url + "/api/v1/offerings?")
        .contains("product_type=gpu");
    assertThat(json.get("body").asText()).isEmpty();
    List<String> names = new ArrayList<>();
    json.get("headers").forEach(h -> names.add(h.get("name").asText().toLowerCase(Locale.ROOT)));
    assertThat(names).doesNotContain("x-signature", "x-public-key");
  }

  @Test
  void an_api_url_that_is_not_a_url_exits_2() {
    Result r = cli.run("offerings", "list", "--api-url", "not a url");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("error: api url: ")
        .endsWith("hint: market --api-url http://127.0.0.1:8787 ...\n");
  }
}
