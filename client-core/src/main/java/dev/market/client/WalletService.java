package dev.market.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.Transport;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Payment;
import dev.market.protocol.model.Wallet;
import java.util.List;

/**
 * The wallet of the client's identity ({@code client.wallet()}). Amounts are integer e9s (1 unit =
 * 1 000 000 000 e9s), never floating point.
 *
 * <pre>{@code
 * Wallet w = client.wallet().show();
 * client.wallet().deposit(25_000_000_000L); // 25 units, on a server with a payment provider
 * }</pre>
 */
public final class WalletService {
  private final MarketClient client;
  private final Transport transport;

  WalletService(MarketClient client, Transport transport) {
    this.client = client;
    this.transport = transport;
  }

  /** {@code GET /users/{me}/wallet}: the balance and the newest ledger entries. */
  public Wallet show() {
    String op = "show wallet";
    return MarketClient.data(
        transport.send(ApiRequest.signedGet(op, List.of("users", client.me(op), "wallet"))),
        op,
        Wallet.class);
  }

  /**
   * {@code POST /users/{me}/wallet/deposits}. Never retried: a lost answer could mean the money
   * arrived, so look at {@link #show()} before depositing again.
   *
   * @throws dev.market.client.error.ConflictException when the server has no payment provider
   */
  public Payment deposit(long amountE9s) {
    return pay("deposit", "deposits", amountE9s);
  }

  /**
   * {@code POST /users/{me}/wallet/withdrawals}: pays out of the wallet through the server's
   * payment provider.
   *
   * @throws dev.market.client.error.InsufficientFundsException when the wallet holds less
   */
  public Payment withdraw(long amountE9s) {
    return pay("withdraw", "withdrawals", amountE9s);
  }

  private Payment pay(String verb, String resource, long amountE9s) {
    String op = verb + " " + amountE9s + " e9s";
    if (amountE9s < 1) {
      throw new InvalidRequestException(op, 0, "invalid", "amountE9s: must be at least 1 e9", null);
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("amountE9s", amountE9s);
    return MarketClient.data(
        transport.send(
            ApiRequest.signedPost(
                op, List.of("users", client.me(op), "wallet", resource), MarketClient.json(body))),
        op,
        Payment.class);
  }
}
