package dev.market.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import dev.market.server.domain.HistoryRow;
import java.util.List;

/** Short steps of the rental flow over the raw protocol, each asserting it worked. */
public final class Market {
  public final TestServer server;
  public final Raw raw;

  public Market(TestServer server) {
    this.server = server;
    this.raw = new Raw(server);
  }

  public long publish(Identity provider, String offeringId, String price) {
    String body =
        "{\"offering_id\":\"%s\",\"offer_name\":\"Box %s\",\"product_type\":\"compute\",\"currency\":\"USD\",\"monthly_price\":%s,\"min_contract_hours\":1,\"max_contract_hours\":8760}"
            .formatted(offeringId, offeringId, price);
    Raw.Reply r =
        raw.post(provider, "/api/v1/providers/" + provider.publicKeyHex() + "/offerings", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.data().asLong();
  }

  public static String rentBody(long offeringId) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("offering_db_id", offeringId);
    n.put("ssh_pubkey", Ids.SSH_ED25519);
    n.put("payment_method", "test");
    n.put("duration_hours", 24);
    n.put("contact_method", "email:alice@example.com");
    return n.toString();
  }

  /** Funds the renter (straight through the ledger) so the rent's escrow hold succeeds. */
  public Raw.Reply tryRent(Identity renter, long offeringId) {
    fundAtLeast(renter, 1_000_000L * E9);
    return raw.post(renter, "/api/v1/contracts", rentBody(offeringId));
  }

  public static final long E9 = 1_000_000_000L;

  /** Tops a wallet up to {@code e9s} when it holds less, as a demo deposit. */
  public void fundAtLeast(Identity who, long e9s) {
    long have = balance(who);
    if (have < e9s) {
      server.server.ledger().credit(who.publicKeyHex(), e9s - have, "test-funding", null);
    }
  }

  /** A wallet's balance, read straight from the database. */
  public long balance(Identity who) {
    return server
        .server
        .store()
        .read(
            tx ->
                tx.ledger()
                    .balance(dev.market.server.domain.money.Accounts.wallet(who.publicKeyHex())));
  }

  /** What a contract's escrow holds, read straight from the database. */
  public long escrow(String contractId) {
    return server
        .server
        .store()
        .read(
            tx -> tx.ledger().balance(dev.market.server.domain.money.Accounts.escrow(contractId)));
  }

  public String rent(Identity renter, long offeringId) {
    Raw.Reply r = tryRent(renter, offeringId);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.data().get("contractId").asText();
  }

  public Raw.Reply respond(Identity who, String contractId, boolean accept) {
    return raw.post(
        who,
        "/api/v1/provider/rental-requests/" + contractId + "/respond",
        "{\"accept\":" + accept + ",\"memo\":null}");
  }

  public Raw.Reply respond(Identity who, String contractId, boolean accept, String memo) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("accept", accept);
    n.put("memo", memo);
    return raw.post(
        who, "/api/v1/provider/rental-requests/" + contractId + "/respond", n.toString());
  }

  public Raw.Reply provision(Identity who, String contractId, String status, String details) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("status", status);
    if (details == null) {
      n.putNull("instanceDetails");
    } else {
      n.put("instanceDetails", details);
    }
    return raw.put(
        who, "/api/v1/provider/rental-requests/" + contractId + "/provisioning", n.toString());
  }

  public Raw.Reply cancel(Identity who, String contractId, String memo) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("memo", memo);
    return raw.put(who, "/api/v1/contracts/" + contractId + "/cancel", n.toString());
  }

  public static final String DETAILS =
      "{\"ip_address\":\"203.0.113.7\",\"ssh_port\":22,\"ssh_user\":\"root\",\"additional_details\":\"ssh root@203.0.113.7\"}";

  /** Drives a contract from where it is to {@code target} along the normal flow. */
  public void driveTo(Identity provider, String contractId, String target) {
    List<String> steps = List.of("pending", "accepted", "provisioning", "provisioned", "active");
    int from = steps.indexOf(status(contractId));
    for (String step : steps.subList(from + 1, steps.indexOf(target) + 1)) {
      Raw.Reply r =
          switch (step) {
            case "accepted" -> respond(provider, contractId, true);
            case "provisioned" -> provision(provider, contractId, step, DETAILS);
            default -> provision(provider, contractId, step, null);
          };
      assertThat(r.status()).as(step + ": " + r).isEqualTo(200);
    }
    assertThat(status(contractId)).isEqualTo(target);
  }

  /** The stored status, read straight from the database (no auth, no side effects). */
  public String status(String contractId) {
    return server.server.store().read(tx -> tx.contracts().byId(contractId)).orElseThrow().status();
  }

  public List<HistoryRow> history(String contractId) {
    return server.server.store().read(tx -> tx.contracts().history(contractId));
  }
}
