package dev.market.cli.commands.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.MarketFixture;
import dev.market.client.Provisioning;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.RentalRequest;
import dev.market.protocol.model.UserNotification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider side through the real CLI against the real server: requests, answers, status. */
class ProviderCommandsTest {
  @TempDir java.nio.file.Path dir;
  MarketFixture market;
  CliRunner provider;
  long vm;

  @BeforeEach
  void setUp() {
    market = new MarketFixture(dir);
    provider = market.cli("provider");
    vm = market.offering("vm-small", "Small VM", "7.20");
  }

  /** No phrase or secret key ever reaches stdout or stderr of any run. */
  @AfterEach
  void noSecretLeaked() {
    List<String> secrets = new java.util.ArrayList<>();
    for (String phrase :
        List.of(
            MarketFixture.PROVIDER_PHRASE,
            MarketFixture.RENTER_PHRASE,
            MarketFixture.STRANGER_PHRASE)) {
      secrets.add(phrase);
      secrets.add(Hex.encode(Identity.fromMnemonic(phrase).secretKey()));
    }
    for (Result r : market.history()) {
      for (String s : secrets) {
        assertThat(r.out() + r.err() + r.tty()).doesNotContain(s);
      }
    }
    market.close();
  }

  private String status(String id) {
    return market.contract(id).status();
  }

  // ---------------------------------------------------------------- requests

  @Test
  void requests_shows_pending_requests_newest_first_with_their_age() {
    String older = market.rent(vm, 24, "email:alice@example.com", "need it fast");
    market.clock.advance(Duration.ofHours(1));
    String newer =
        market
            .client(market.renter)
            .rentals()
            .create(
                new RentalRequest(
                    vm,
                    MarketFixture.sshKey(market.renter),
                    "test",
                    48L,
                    "matrix:@bob:example.org",
                    null,
                    "Debian 12",
                    null))
            .contractId();
    market.clock.advance(Duration.ofSeconds(31));

    Result r = provider.run("requests");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    String format = "%-12s  %-19s  %-9s  %-5s  %-8s  %-9s  %-23s  %-24s  %-12s  %s";
    String fingerprint =
        "ed25519 " + MarketFixture.sshFingerprint(market.renter).substring(0, 15) + "…";
    assertThat(r.out())
        .isEqualTo(
            String.format(
                    format,
                    "ID",
                    "OFFERING",
                    "RENTER",
                    "HOURS",
                    "AMOUNT",
                    "OS",
                    "CONTACT",
                    "SSH KEY",
                    "MEMO",
                    "REQUESTED")
                + "\n"
                + String.format(
                    format,
                    newer.substring(0, 12),
                    "Small VM (vm-small)",
                    "e96b1c6b…",
                    "48",
                    "0.48 USD",
                    "Debian 12",
                    "matrix:@bob:example.org",
                    fingerprint,
                    "",
                    "31s ago")
                + "\n"
                + String.format(
                    format,
                    older.substring(0, 12),
                    "Small VM (vm-small)",
                    "e96b1c6b…",
                    "24",
                    "0.24 USD",
                    "",
                    "email:alice@example.com",
                    fingerprint,
                    "need it fast",
                    "1h ago")
                + "\n");
  }

  @Test
  void requests_json_carries_os_contact_and_the_whole_ssh_key() throws Exception {
    String id =
        market
            .client(market.renter)
            .rentals()
            .create(
                new RentalRequest(
                    vm,
                    MarketFixture.sshKey(market.renter),
                    "test",
                    24L,
                    "email:alice@example.com",
                    null,
                    "Debian 12",
                    null))
            .contractId();

    Result json = provider.run("requests", "-o", "json");

    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode c = Json.mapper().readTree(json.out()).get(0);
    assertThat(c.get("contract_id").asText()).isEqualTo(id);
    assertThat(c.get("operating_system").asText()).isEqualTo("Debian 12");
    assertThat(c.get("requester_contact").asText()).isEqualTo("email:alice@example.com");
    assertThat(c.get("requester_ssh_pubkey").asText())
        .isEqualTo(MarketFixture.sshKey(market.renter));
  }

  @Test
  void requests_ids_and_json_carry_full_ids_and_the_wire_objects() throws Exception {
    String older = market.rent(vm, 24, null, null);
    String newer = market.rent(vm, 24, null, null);

    Result ids = provider.run("requests", "-o", "ids");
    Result json = provider.run("requests", "-o", "json");

    assertThat(ids.exitCode()).isZero();
    assertThat(ids.out()).isEqualTo(newer + "\n" + older + "\n");
    assertThat(json.exitCode()).isZero();
    JsonNode array = Json.mapper().readTree(json.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(2);
    assertThat(array.get(0).get("contract_id").asText()).isEqualTo(newer);
    assertThat(array.get(0).get("status").asText()).isEqualTo("pending");
    assertThat(array.get(0).get("payment_amount_e9s").asLong()).isEqualTo(240_000_000L);
    assertThat(array.get(0).get("requester_pubkey").asText())
        .isEqualTo(market.renter.publicKeyHex());
  }

  @Test
  void requests_all_includes_answered_ones_with_their_status_and_none_says_so_on_stderr() {
    String answered = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().reject(answered, "no");

    Result pending = provider.run("requests");
    Result all = provider.run("requests", "--all", "-o", "ids");
    Result allTable = provider.run("requests", "--all");

    assertThat(pending.exitCode()).isZero();
    assertThat(pending.out()).isEmpty();
    assertThat(pending.err())
        .isEqualTo("no requests waiting for an answer (market requests --all shows every one)\n");
    assertThat(all.out()).isEqualTo(answered + "\n");
    assertThat(allTable.out().lines().toList().get(0))
        .startsWith("ID            STATUS    OFFERING");
    assertThat(allTable.out().lines().toList().get(1))
        .startsWith(answered.substring(0, 12) + "  rejected  Small VM (vm-small)");
  }

  @Test
  void a_command_that_signs_without_any_identity_selected_exits_4() {
    Result r = provider.env("MARKET_IDENTITY", null).run("requests");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: no identity selected");
  }

  // ---------------------------------------------------------------- accept / reject

  @Test
  void the_pipeline_requests_ids_into_accept_accepts_exactly_the_pending_requests() {
    String a = market.rent(vm, 24, null, null);
    String b = market.rent(vm, 24, null, null);
    String alreadyAccepted = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(alreadyAccepted, null);
    String acceptedAt = String.valueOf(market.contract(alreadyAccepted).statusUpdatedAtNs());

    Result ids = provider.run("requests", "-o", "ids");
    Result accept = provider.runWithStdin(ids.out(), "accept", "-");

    assertThat(ids.out()).isEqualTo(b + "\n" + a + "\n");
    assertThat(accept.exitCode()).as(accept.toString()).isZero();
    assertThat(accept.out()).isEqualTo("accepted " + b + "\naccepted " + a + "\n");
    assertThat(accept.err()).isEmpty();
    assertThat(status(a)).isEqualTo("accepted");
    assertThat(status(b)).isEqualTo("accepted");
    assertThat(String.valueOf(market.contract(alreadyAccepted).statusUpdatedAtNs()))
        .isEqualTo(acceptedAt);
    assertThat(provider.run("requests", "-o", "ids").out()).isEmpty();
  }

  @Test
  void accept_from_an_empty_stdin_does_nothing_and_succeeds() {
    Result r = provider.runWithStdin("\n\n", "accept", "-");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("accept: no contract ids on stdin; nothing to do\n");
  }

  @Test
  void accepting_a_rejected_contract_exits_3_with_one_error_line_and_changes_nothing() {
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().reject(id, null);

    Result r = provider.run("accept", id);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: accept "
                + id
                + ": invalid transition: contract is rejected; it cannot become accepted\n");
    assertThat(status(id)).isEqualTo("rejected");
  }

  @Test
  void mixed_ids_get_one_line_each_and_the_run_exits_with_the_most_severe_code() {
    String good = market.rent(vm, 24, null, null);
    String rejected = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().reject(rejected, null);

    Result r = provider.run("accept", good, "not-an-id", rejected);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("accepted " + good + "\n");
    assertThat(r.err())
        .isEqualTo(
            "error: accept 'not-an-id': not a contract id (64 hex characters)\n"
                + "error: accept "
                + rejected
                + ": invalid transition: contract is rejected; it cannot become accepted\n");
    assertThat(status(good)).isEqualTo("accepted");
    assertThat(status(rejected)).isEqualTo("rejected");
  }

  @Test
  void accept_json_reports_each_id_with_ok_and_error() throws Exception {
    String good = market.rent(vm, 24, null, null);
    String rejected = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().reject(rejected, null);

    Result r = provider.run("accept", good, rejected, "-o", "json");

    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode results = Json.mapper().readTree(r.out());
    assertThat(results.toString())
        .isEqualTo(
            "[{\"contract_id\":\""
                + good
                + "\",\"ok\":true},{\"contract_id\":\""
                + rejected
                + "\",\"ok\":false,\"error\":\"invalid transition: contract is rejected;"
                + " it cannot become accepted\"}]");
  }

  @Test
  void accept_takes_the_12_character_id_a_table_shows() {
    String id = market.rent(vm, 24, null, null);

    Result r = provider.run("accept", id.substring(0, 12), "-o", "ids");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(id + "\n");
    assertThat(status(id)).isEqualTo("accepted");
  }

  @Test
  void a_too_short_prefix_is_a_usage_error_and_an_unknown_one_is_refused() {
    String id = market.rent(vm, 24, null, null);
    String unknown = id.charAt(0) == 'f' ? "00000000" : "ffffffff";

    Result shortPrefix = provider.run("accept", id.substring(0, 7));
    Result unknownPrefix = provider.run("accept", unknown);

    assertThat(shortPrefix.exitCode()).isEqualTo(2);
    assertThat(shortPrefix.err())
        .isEqualTo(
            "error: accept '"
                + id.substring(0, 7)
                + "': a contract id prefix needs at least 8 characters\n");
    assertThat(unknownPrefix.exitCode()).isEqualTo(3);
    assertThat(unknownPrefix.err())
        .isEqualTo(
            "error: accept '"
                + unknown
                + "': none of your contracts as provider has an id starting so\n");
    assertThat(status(id)).isEqualTo("pending");
  }

  @Test
  void the_renter_cannot_accept_its_own_request_exit_4() {
    String id = market.rent(vm, 24, null, null);

    Result r = market.cli("renter").run("accept", id);

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: accept "
                + id
                + ": forbidden: only the provider of this contract may do this\n");
    assertThat(status(id)).isEqualTo("pending");
  }

  @Test
  void a_stranger_accepting_learns_nothing_exit_3_not_found_and_nothing_changes() {
    String id = market.rent(vm, 24, null, null);

    Result r = market.cli("stranger").run("accept", id);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("error: accept " + id + ": contract not found\n");
    assertThat(status(id)).isEqualTo("pending");
  }

  @Test
  void reject_with_a_reason_rejects_and_tells_the_renter_why() {
    String id = market.rent(vm, 24, null, null);

    Result r = provider.run("reject", id, "--reason", "no capacity this week");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("rejected " + id + "\n");
    assertThat(status(id)).isEqualTo("rejected");
    List<UserNotification> notes = market.client(market.renter).notifications().list();
    assertThat(notes)
        .anySatisfy(
            n -> {
              assertThat(n.contractId()).isEqualTo(id);
              assertThat(n.body()).endsWith("was rejected: no capacity this week");
            });
  }

  @Test
  void reject_reads_ids_from_stdin_and_ignores_blank_lines_and_repeats() {
    String a = market.rent(vm, 24, null, null);
    String b = market.rent(vm, 24, null, null);

    Result r = provider.runWithStdin("\n" + a + "\n\n  " + b + "  \n" + a + "\n", "reject", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("rejected " + a + "\nrejected " + b + "\n");
    assertThat(status(a)).isEqualTo("rejected");
    assertThat(status(b)).isEqualTo("rejected");
  }

  @Test
  void accept_dry_run_prints_the_signed_request_per_id_and_changes_nothing() {
    String id = market.rent(vm, 24, null, null);

    Result r = provider.run("accept", id, "--memo", "ok", "--dry-run");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("POST " + market.url + "/api/v1/provider/rental-requests/" + id + "/respond\n")
        .contains("X-Public-Key: " + market.provider.publicKeyHex() + "\n")
        .endsWith("\n{\"accept\":true,\"memo\":\"ok\"}\n")
        .doesNotContain("accepted " + id);
    assertThat(status(id)).isEqualTo("pending");
  }

  @Test
  void accept_while_the_marketplace_is_down_reports_each_id_and_exits_5() {
    String a = market.rent(vm, 24, null, null);
    String b = market.rent(vm, 24, null, null);
    market.close();

    Result r = provider.run("accept", a, b);

    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList())
        .hasSize(2)
        .satisfiesExactly(
            l -> assertThat(l).startsWith("error: accept " + a + ": "),
            l -> assertThat(l).startsWith("error: accept " + b + ": "));
  }

  // ---------------------------------------------------------------- provision

  @Test
  void provision_start_done_activate_with_the_password_only_on_stdin_and_only_for_the_renter()
      throws Exception {
    String password = "correct horse battery staple";
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);

    Result start = provider.run("provision", id, "--start");
    Result done =
        provider.runWithStdin(
            password + "\n", "provision", id, "--done", "--ip", "203.0.113.7", "--password-stdin");
    Contract provisioned = market.contract(id);
    Result activate = provider.run("provision", id.substring(0, 12), "--activate", "-o", "json");

    assertThat(start.exitCode()).as(start.toString()).isZero();
    assertThat(start.out()).isEqualTo("provisioning " + id + "\n");
    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.out()).isEqualTo("provisioned " + id + "\n");
    assertThat(done.err()).isEmpty();
    assertThat(provisioned.status()).isEqualTo("provisioned");
    assertThat(Json.mapper().readTree(provisioned.provisioningInstanceDetails()).toString())
        .isEqualTo("{\"ip_address\":\"203.0.113.7\",\"ssh_port\":22,\"ssh_user\":\"root\"}");
    assertThat(activate.exitCode()).isZero();
    assertThat(Json.mapper().readTree(activate.out()).toString())
        .isEqualTo(
            "{\"contract_id\":\""
                + id
                + "\",\"status\":\"active\",\"message\":\"Contract active\"}");
    assertThat(status(id)).isEqualTo("active");

    assertThat(market.client(market.renter).rentals().credentials(id)).isEqualTo(password);
    String everywhere =
        Json.mapper().writeValueAsString(market.contract(id))
            + Json.mapper().writeValueAsString(market.client(market.provider).rentals().events(id))
            + Json.mapper().writeValueAsString(market.client(market.renter).rentals().events(id))
            + Json.mapper().writeValueAsString(market.client(market.renter).notifications().list())
            + Json.mapper()
                .writeValueAsString(market.client(market.provider).notifications().list())
            + Json.mapper()
                .writeValueAsString(market.client(market.provider).provider().contracts());
    assertThat(everywhere).doesNotContain(password).doesNotContain("root_password");
    for (Result r : provider.history()) {
      assertThat(r.out() + r.err()).doesNotContain(password);
    }
    Result credentials = market.cli("renter").run("credentials", id);
    assertThat(credentials.exitCode()).as(credentials.toString()).isZero();
    assertThat(credentials.out()).isEqualTo(password + "\n");
    List<ContractEvent> events = market.client(market.provider).rentals().events(id);
    assertThat(events).extracting(ContractEvent::eventType).contains("provisioned");
  }

  @Test
  void provision_done_from_a_details_file_on_stdin_keeps_its_instructions() throws Exception {
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);
    String file =
        "{\"ip_address\": \"198.51.100.4\", \"ssh_port\": 2222, \"ssh_user\": \"ubuntu\","
            + " \"root_password\": \"pw-from-file\", \"additional_details\": \"use tmux\"}";
    market.client(market.provider).provider().provision(id, Provisioning.started());

    Result r = provider.runWithStdin(file, "provision", id, "--done", "--details-file", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Json.mapper().readTree(market.contract(id).provisioningInstanceDetails()).toString())
        .isEqualTo(
            "{\"ip_address\":\"198.51.100.4\",\"ssh_port\":2222,\"ssh_user\":\"ubuntu\","
                + "\"additional_details\":\"use tmux\"}");
    assertThat(market.client(market.renter).rentals().credentials(id)).isEqualTo("pw-from-file");
  }

  @Test
  void a_details_file_with_an_unknown_key_or_bad_json_exits_2_and_sends_nothing() {
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);

    Result unknown =
        provider.runWithStdin(
            "{\"ip\": \"198.51.100.4\"}", "provision", id, "--done", "--details-file", "-");
    Result broken =
        provider.runWithStdin(
            "{\"ip_address\": \"198.51.100.4\",\n \"root_password\": hunter2}",
            "provision",
            id,
            "--done",
            "--details-file",
            "-");
    Result notObject =
        provider.runWithStdin("[1]", "provision", id, "--done", "--details-file", "-");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith(
            "error: provision "
                + id
                + " --done: --details-file -: unknown key 'ip' (known: ip_address, ipv6_address,"
                + " ssh_port, ssh_user, root_password, additional_details)\n");
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err())
        .isEqualTo(
            "error: provision "
                + id
                + " --done: --details-file -: not valid JSON (line 2, column 19)\n");
    assertThat(broken.err()).doesNotContain("hunter2");
    assertThat(notObject.exitCode()).isEqualTo(2);
    assertThat(notObject.err()).contains("must be a JSON object");
    assertThat(status(id)).isEqualTo("accepted");
  }

  @Test
  void provision_needs_exactly_one_step_and_its_own_options_else_exit_2() {
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);

    Result two = provider.run("provision", id, "--start", "--done");
    Result none = provider.run("provision", id);
    Result noReason = provider.run("provision", id, "--failed");
    Result ipWithStart = provider.run("provision", id, "--start", "--ip", "203.0.113.7");
    Result noDetails = provider.run("provision", id, "--done");
    Result emptyPassword =
        provider.runWithStdin(
            "\n", "provision", id, "--done", "--ip", "1.2.3.4", "--password-stdin");

    assertThat(List.of(two, none, noReason, ipWithStart, noDetails, emptyPassword))
        .allSatisfy(
            r -> {
              assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
              assertThat(r.out()).isEmpty();
              assertThat(r.err()).startsWith("error: ");
            });
    assertThat(two.err())
        .isEqualTo(
            """
            error: --start, --done are mutually exclusive (specify only one)
            hint: market provision --help
            """);
    assertThat(none.err())
        .isEqualTo(
            "error: Missing required argument (specify one of these):"
                + " (--start | --done | --failed | --activate | --cancel)\n"
                + "hint: market provision --help\n");
    assertThat(noReason.err())
        .isEqualTo(
            "error: provision "
                + id
                + " --failed: --reason TEXT is required\n"
                + "hint: market provision "
                + id
                + " --failed --reason 'what happened'\n");
    assertThat(ipWithStart.err())
        .startsWith("error: provision: connection details go only with --done, not with --start\n");
    assertThat(noDetails.err())
        .startsWith("error: provision " + id + " --done: no connection details");
    assertThat(emptyPassword.err())
        .startsWith("error: provision " + id + " --done: --password-stdin: no password on stdin\n");
    assertThat(status(id)).isEqualTo("accepted");
  }

  @Test
  void provision_done_refuses_dry_run_with_a_password_so_it_is_never_printed() {
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);
    market.client(market.provider).provider().provision(id, Provisioning.started());

    Result r =
        provider.runWithStdin(
            "s3cret\n",
            "provision",
            id,
            "--done",
            "--ip",
            "203.0.113.7",
            "--password-stdin",
            "--dry-run");
    Result withoutPassword =
        provider.run("provision", id, "--done", "--ip", "203.0.113.7", "--dry-run");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("error: provision " + id + " --done: --dry-run would print the root password;");
    assertThat(withoutPassword.exitCode()).isZero();
    assertThat(withoutPassword.out())
        .startsWith(
            "PUT " + market.url + "/api/v1/provider/rental-requests/" + id + "/provisioning\n")
        .endsWith(
            "{\"status\":\"provisioned\",\"instanceDetails\":"
                + "\"{\\\"ip_address\\\":\\\"203.0.113.7\\\",\\\"ssh_port\\\":22,"
                + "\\\"ssh_user\\\":\\\"root\\\"}\"}\n");
    assertThat(status(id)).isEqualTo("provisioning");
  }

  @Test
  void provision_failed_and_cancel_carry_the_reason_to_the_renter() {
    String failed = market.rent(vm, 24, null, null);
    String cancelled = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(failed, null);
    market.client(market.provider).provider().accept(cancelled, null);

    Result f = provider.run("provision", failed, "--failed", "--reason", "disk died");
    Result c = provider.run("provision", cancelled, "--cancel", "--reason", "maintenance");

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(f.out()).isEqualTo("provisioningfailed " + failed + "\n");
    assertThat(c.exitCode()).as(c.toString()).isZero();
    assertThat(c.out()).isEqualTo("cancelled " + cancelled + "\n");
    assertThat(status(failed)).isEqualTo("provisioningfailed");
    assertThat(status(cancelled)).isEqualTo("cancelled");
    assertThat(market.client(market.renter).notifications().list())
        .anySatisfy(n -> assertThat(n.body()).endsWith("could not be provisioned: disk died"));
  }

  @Test
  void done_before_start_is_refused_exit_3_with_the_step_to_take_first() {
    String id = market.rent(vm, 24, null, null);
    market.client(market.provider).provider().accept(id, null);

    Result r = provider.run("provision", id, "--done", "--ip", "203.0.113.7");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "error: report contract "
                + id.substring(0, 8)
                + "… as provisioned: invalid transition: contract is accepted; it cannot become"
                + " provisioned\n"
                + "hint: market provision "
                + id
                + " --start   (then --done)\n");
    assertThat(status(id)).isEqualTo("accepted");
  }

  @Test
  void provisioning_a_pending_request_is_an_invalid_transition_exit_3() {
    String id = market.rent(vm, 24, null, null);

    Result r = provider.run("provision", id, "--activate");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: ").contains(id.substring(0, 8)).contains("pending");
    assertThat(status(id)).isEqualTo("pending");
  }

  // ---------------------------------------------------------------- contracts, auto-accept

  @Test
  void contracts_lists_every_state_newest_first_and_filters_by_status() {
    String first = market.rent(vm, 24, null, null);
    String second = market.rent(vm, 720, null, null);
    market.client(market.provider).provider().accept(second, null);

    Result table = provider.run("contracts");
    Result accepted = provider.run("contracts", "--status", "accepted", "-o", "ids");
    Result bad = provider.run("contracts", "--status", "sleeping");

    assertThat(table.exitCode()).as(table.toString()).isZero();
    String format = "%-12s  %-8s  %-19s  %-9s  %-5s  %-8s  %-20s  %s";
    assertThat(table.out())
        .isEqualTo(
            String.format(
                    format,
                    "ID",
                    "STATUS",
                    "OFFERING",
                    "RENTER",
                    "HOURS",
                    "AMOUNT",
                    "CREATED",
                    "UPDATED")
                + "\n"
                + String.format(
                    format,
                    second.substring(0, 12),
                    "accepted",
                    "Small VM (vm-small)",
                    "e96b1c6b…",
                    "720",
                    "7.20 USD",
                    "2026-11-26 12:00:01Z",
                    "2026-11-26 12:00:02Z")
                + "\n"
                + String.format(
                    format,
                    first.substring(0, 12),
                    "pending",
                    "Small VM (vm-small)",
                    "e96b1c6b…",
                    "24",
                    "0.24 USD",
                    "2026-11-26 12:00:00Z",
                    "2026-11-26 12:00:00Z")
                + "\n");
    assertThat(accepted.out()).isEqualTo(second + "\n");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: contracts --status: 'sleeping' is not a status");
  }

  @Test
  void auto_accept_shows_and_switches_and_when_on_a_new_rent_is_accepted_at_once()
      throws Exception {
    Result initially = provider.run("provider", "auto-accept");
    Result on = provider.run("provider", "auto-accept", "on");
    String rented = market.rent(vm, 24, null, null);
    Result json = provider.run("provider", "auto-accept", "-o", "json");
    Result off = provider.run("provider", "auto-accept", "off", "-o", "ids");
    String later = market.rent(vm, 24, null, null);
    Result bad = provider.run("provider", "auto-accept", "maybe");

    assertThat(initially.out()).isEqualTo("auto-accept off\n");
    assertThat(on.exitCode()).isZero();
    assertThat(on.out()).isEqualTo("auto-accept on\n");
    assertThat(status(rented)).isEqualTo("accepted");
    assertThat(Json.mapper().readTree(json.out()).toString())
        .isEqualTo("{\"auto_accept_rentals\":true}");
    assertThat(off.out()).isEqualTo("off\n");
    assertThat(status(later)).isEqualTo("pending");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: provider auto-accept: 'maybe' is not on or off\n");
  }
}
