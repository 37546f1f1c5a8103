package dev.market.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.crypto.Bip39;
import dev.market.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rental flow as users and scripts run it: the real {@code bin/market-server} process and the
 * real {@code bin/market} launcher, nothing in-process. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RentalFlowE2eTest {
  static final String PROVIDER_PHRASE =
      "kiwi bird inspire brain field weird law across about student short price";

  private ServerProcess server;
  @TempDir Path home;
  private Path sshKey;

  /** The value of {@code --db} for this database. */
  abstract String database(Path scratch);

  private String db;

  @BeforeAll
  void startServer(@TempDir Path scratch) {
    db = database(scratch);
    server = ServerProcess.start(db);
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      // 143 = 128 + SIGTERM, the JVM's exit status after its shutdown hooks ran
      assertThat(server.stop()).as("exit code after SIGTERM\n" + server.stderr()).isEqualTo(143);
      assertThat(server.stderr()).endsWith("market-server: stopped\n");
    }
  }

  @BeforeEach
  void identities() throws IOException {
    importIdentity("provider", PROVIDER_PHRASE);
    importIdentity("renter", Bip39.generate(12));
    sshKey = home.resolve("id_ed25519.pub");
    Files.writeString(
        sshKey,
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl e2e\n");
  }

  private void importIdentity(String name, String phrase) {
    Run r = market(phrase + "\n", "identity", "import", name);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout() + r.stderr()).doesNotContain(phrase);
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("MARKET_HOME", home.toString());
    env.put("MARKET_API_URL", server.url());
    return env;
  }

  Run market(String stdin, String... args) {
    return Launchers.market(env(), stdin, args);
  }

  Run ok(String... args) {
    Run r = market(null, args);
    assertThat(r.exitCode()).as("market " + String.join(" ", args) + "\n" + r).isZero();
    return r;
  }

  String gpuOffering() {
    String id =
        ok("offerings", "list", "--type", "gpu", "--in-stock", "--limit", "1", "-o", "ids")
            .stdout()
            .trim();
    assertThat(id).matches("\\d+");
    return id;
  }

  /** Deposits through the demo payment provider (the server runs with --demo), then rents. */
  String rent(String identity, String offering) {
    ok("--identity", identity, "wallet", "deposit", "100000");
    Run r =
        ok(
            "--identity",
            identity,
            "rent",
            offering,
            "--ssh-key",
            sshKey.toString(),
            "--contact",
            "email:e2e@example.com",
            "--hours",
            "24",
            "--yes",
            "-o",
            "ids");
    String id = r.stdout().trim();
    assertThat(id).matches("[0-9a-f]{64}");
    return id;
  }

  String status(String id) {
    JsonNode c = json(ok("--identity", "renter", "status", id, "-o", "json"));
    return c.get("status").asText();
  }

  static JsonNode json(Run r) {
    try {
      return Json.mapper().readTree(r.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r, e);
    }
  }

  @Test
  void a_rental_goes_from_rent_to_active_and_the_renter_reads_its_credentials() {
    String id = rent("renter", gpuOffering());
    assertThat(status(id)).isEqualTo("pending");

    Run pending = ok("--identity", "provider", "requests", "-o", "ids");
    assertThat(ServerProcess.lines(pending.stdout())).contains(id);
    assertThat(ok("--identity", "provider", "accept", id).stdout())
        .isEqualTo("accepted " + id + "\n");
    ok("--identity", "provider", "provision", id, "--start");
    Run done =
        market(
            "e2e-root-pw\n",
            "--identity",
            "provider",
            "provision",
            id,
            "--done",
            "--ip",
            "203.0.113.7",
            "--port",
            "2222",
            "--user",
            "ubuntu",
            "--password-stdin");
    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(status(id)).isEqualTo("provisioned");

    assertThat(ok("--identity", "renter", "credentials", id).stdout()).isEqualTo("e2e-root-pw\n");
    assertThat(ok("--identity", "renter", "connect", id).stdout())
        .startsWith("ssh -p 2222 ubuntu@203.0.113.7\n");

    ok("--identity", "provider", "provision", id, "--activate");
    Run waited =
        market(null, "--identity", "renter", "status", id, "--wait", "active", "--timeout", "30s");
    assertThat(waited.exitCode()).as(waited.toString()).isZero();

    JsonNode events = json(ok("--identity", "renter", "events", id, "-o", "json"));
    List<String> path = new ArrayList<>();
    events.forEach(
        e -> {
          if (e.hasNonNull("new_status") && e.get("event_type").asText().equals("status_change")) {
            path.add(e.get("new_status").asText());
          }
        });
    assertThat(path)
        .containsExactly(
            "requested", "pending", "accepted", "provisioning", "provisioned", "active");
    assertThat(events.toString()).doesNotContain("e2e-root-pw");
  }

  static long walletBalance(JsonNode wallet) {
    return wallet.get("balance_e9s").asLong();
  }

  @Test
  void rented_extended_and_cancelled_mid_way_refunds_pro_rata_to_the_e9() {
    importIdentity("payer", Bip39.generate(12));
    JsonNode dep = json(ok("--identity", "payer", "wallet", "deposit", "5000", "-o", "json"));
    assertThat(dep.get("balance_e9s").asLong()).isEqualTo(5_000_000_000_000L);
    long providerBefore = walletBalance(json(ok("--identity", "provider", "wallet", "-o", "json")));
    String offering = gpuOffering();
    Run r =
        ok(
            "--identity",
            "payer",
            "rent",
            offering,
            "--ssh-key",
            sshKey.toString(),
            "--contact",
            "email:e2e@example.com",
            "--hours",
            "24",
            "--yes",
            "-o",
            "json");
    String id = json(r).get("contract_id").asText();
    JsonNode c0 = json(ok("--identity", "payer", "status", id, "-o", "json"));
    long hold = c0.get("payment_amount_e9s").asLong();
    assertThat(hold).isPositive();
    assertThat(walletBalance(json(ok("--identity", "payer", "wallet", "-o", "json"))))
        .isEqualTo(5_000_000_000_000L - hold);

    JsonNode ext = json(ok("--identity", "payer", "extend", id, "--hours", "12", "-o", "json"));
    long extension = ext.get("extension_payment_e9s").asLong();
    assertThat(extension).isEqualTo(hold / 2);
    assertThat(ext.get("new_end_timestamp_ns").asLong())
        .isEqualTo(c0.get("end_timestamp_ns").asLong() + 12 * 3_600_000_000_000L);

    ok("--identity", "provider", "accept", id);
    ok("--identity", "provider", "provision", id, "--start");
    ok("--identity", "provider", "provision", id, "--done", "--ip", "203.0.113.9");
    ok("--identity", "provider", "provision", id, "--activate");
    ok("--identity", "payer", "cancel", id, "--yes");
    JsonNode c = json(ok("--identity", "payer", "status", id, "-o", "json"));
    assertThat(c.get("status").asText()).isEqualTo("cancelled");

    // the provider's share: (hold + extension) × used / paid period, rounded down to the e9; the
    // cancel's time is the contract's status_updated_at_ns, the period its start and end
    long total = hold + extension;
    long start = c.get("start_timestamp_ns").asLong();
    long end = c.get("end_timestamp_ns").asLong();
    long cancelledAt = c.get("status_updated_at_ns").asLong();
    long payout =
        java.math.BigInteger.valueOf(total)
            .multiply(java.math.BigInteger.valueOf(cancelledAt - start))
            .divide(java.math.BigInteger.valueOf(end - start))
            .longValueExact();
    long refund = total - payout;
    assertThat(refund).isPositive();
    assertThat(c.get("payment_amount_e9s").asLong()).isEqualTo(total);
    assertThat(c.get("escrow_e9s").asLong()).isZero();
    assertThat(c.get("paid_out_e9s").asLong()).isEqualTo(payout);
    assertThat(c.get("refund_amount_e9s").asLong()).isEqualTo(refund);
    assertThat(c.get("auto_renew").asBoolean()).isFalse();

    JsonNode payer = json(ok("--identity", "payer", "wallet", "-o", "json"));
    assertThat(walletBalance(payer)).isEqualTo(5_000_000_000_000L - total + refund);
    JsonNode last = payer.get("recent_ledger").get(0);
    assertThat(last.get("entry_type").asText()).isEqualTo("refund");
    assertThat(last.get("amount_e9s").asLong()).isEqualTo(refund);
    assertThat(last.get("reference").asText()).isEqualTo(id);
    assertThat(walletBalance(json(ok("--identity", "provider", "wallet", "-o", "json"))))
        .isEqualTo(providerBefore + payout);

    Run check =
        Launchers.run(
            List.of(Launchers.MARKET_SERVER.toString(), "ledger", "check", "--db", db),
            Map.of(),
            null);
    assertThat(check.exitCode()).as(check.toString()).isZero();
    assertThat(check.stdout()).endsWith("ledger consistent\n");
  }

  @Test
  void a_rejected_request_ends_a_wait_with_exit_6() {
    String id = rent("renter", gpuOffering());
    Run rejected = ok("--identity", "provider", "reject", id, "--reason", "no capacity");
    assertThat(rejected.stdout()).isEqualTo("rejected " + id + "\n");
    assertThat(status(id)).isEqualTo("rejected");

    Run waited =
        market(null, "--identity", "renter", "status", id, "--wait", "active", "--timeout", "30s");
    assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(6);

    Run again = market(null, "--identity", "provider", "accept", id);
    assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
    assertThat(again.stderr()).startsWith("error: ").contains("rejected");
    assertThat(status(id)).isEqualTo("rejected");
  }

  @Test
  void the_renter_cancels_an_accepted_rental_and_the_provider_can_no_longer_provision_it() {
    String id = rent("renter", gpuOffering());
    ok("--identity", "provider", "accept", id);
    ok("--identity", "renter", "cancel", id, "--yes");
    assertThat(status(id)).isEqualTo("cancelled");

    Run start = market(null, "--identity", "provider", "provision", id, "--start");
    assertThat(start.exitCode()).as(start.toString()).isEqualTo(3);
    assertThat(status(id)).isEqualTo("cancelled");
  }

  @Test
  void several_renters_rent_one_offering_at_once_and_each_gets_its_own_contract() {
    String offering = gpuOffering();
    int renters = 4;
    for (int i = 0; i < renters; i++) {
      importIdentity("renter" + i, Bip39.generate(12));
    }
    List<CompletableFuture<String>> rents = new ArrayList<>();
    for (int i = 0; i < renters; i++) {
      String name = "renter" + i;
      rents.add(CompletableFuture.supplyAsync(() -> rent(name, offering)));
    }
    List<String> ids = rents.stream().map(CompletableFuture::join).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize(renters);

    List<String> pending =
        ServerProcess.lines(ok("--identity", "provider", "requests", "-o", "ids").stdout());
    assertThat(pending).containsAll(ids);
  }

  @Test
  void the_provider_pipeline_accepts_every_pending_request_and_only_those() {
    String offering = gpuOffering();
    String a = rent("renter", offering);
    String b = rent("renter", offering);
    String cancelled = rent("renter", offering);
    ok("--identity", "renter", "cancel", cancelled, "--yes");

    Run pipeline =
        Launchers.shell(
            env(),
            "market --identity provider requests -o ids | market --identity provider accept -");
    assertThat(pipeline.exitCode()).as(pipeline.toString()).isZero();
    assertThat(ServerProcess.lines(pipeline.stdout())).contains("accepted " + a, "accepted " + b);
    assertThat(pipeline.stdout()).doesNotContain(cancelled);
    assertThat(status(a)).isEqualTo("accepted");
    assertThat(status(b)).isEqualTo("accepted");
    assertThat(status(cancelled)).isEqualTo("cancelled");
    assertThat(ok("--identity", "provider", "requests", "-o", "ids").stdout()).doesNotContain(a, b);
  }

  @Test
  void a_ci_job_waiting_on_a_rental_that_stays_pending_times_out_with_exit_8() {
    String id = rent("renter", gpuOffering());
    Run waited =
        market(null, "--identity", "renter", "status", id, "--wait", "active", "--timeout", "2s");
    assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(8);
    assertThat(waited.stderr()).contains("still pending");
  }

  static String text(Path p) {
    return Launchers.read(p);
  }
}
