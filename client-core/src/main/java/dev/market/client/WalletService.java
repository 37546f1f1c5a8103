package dev.market.client;

import static dev.market.client.internal.Envelopes.data;
import static dev.market.client.internal.Envelopes.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Payment;
import dev.market.protocol.model.Wallet;
import java.util.List;

/**
 * My wallet. Reached through {@link MarketClient#wallet()}; every call is signed. Amounts are
 * integer e9s (1 unit = 1 000 000 000 e9s), never floating point.
 *
 * <pre>{@code
 * Wallet w = client.wallet().show();
 * client.wallet().deposit(25_000_000_000L); // 25 units, on a server with a payment provider
 * }</pre>
 */
public final class WalletService {
  private final Api api;

  WalletService(Api api) {
    this.api = api;
  }

  /** {@code GET /users/{me}/wallet}: the balance and the newest ledger entries. */
  public Wallet show() {
    return show(RequestOptions.DEFAULT).value();
  }

  /** As {@link #show()}, with per-call options. */
  public Outcome<Wallet> show(RequestOptions options) {
    String op = "show wallet";
    return api.call(
        ApiRequest.signedGet(op, List.of("users", api.me(op), "wallet")),
        options,
        env -> data(env, op, Wallet.class));
  }

  /**
   * {@code POST /users/{me}/wallet/deposits}. Not retried once it may have reached the server: a
   * lost answer could mean the money arrived, so look at {@link #show()} before depositing again.
   *
   * @throws dev.market.client.error.ConflictException when the server has no payment provider
   */
  public Payment deposit(long amountE9s) {
    return deposit(amountE9s, RequestOptions.DEFAULT).value();
  }

  /** As {@link #deposit(long)}, with per-call options. */
  public Outcome<Payment> deposit(long amountE9s, RequestOptions options) {
    return pay("deposit", "deposits", amountE9s, options);
  }

  /**
   * {@code POST /users/{me}/wallet/withdrawals}: pays out of the wallet through the server's
   * payment provider.
   *
   * @throws dev.market.client.error.InsufficientFundsException when the wallet holds less
   */
  public Payment withdraw(long amountE9s) {
    return withdraw(amountE9s, RequestOptions.DEFAULT).value();
  }

  /** As {@link #withdraw(long)}, with per-call options. */
  public Outcome<Payment> withdraw(long amountE9s, RequestOptions options) {
    return pay("withdraw", "withdrawals", amountE9s, options);
  }

  private Outcome<Payment> pay(
      String verb, String resource, long amountE9s, RequestOptions options) {
    String op = verb + " " + amountE9s + " e9s";
    if (amountE9s < 1) {
      throw new InvalidRequestException(op, 0, "invalid", "amountE9s: must be at least 1 e9", null);
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("amountE9s", amountE9s);
    return api.call(
        ApiRequest.signedPost(op, List.of("users", api.me(op), "wallet", resource), json(body)),
        options,
        env -> data(env, op, Payment.class));
  }
}
