package dev.market.client;

import static dev.market.client.internal.Envelopes.data;
import static dev.market.client.internal.Envelopes.json;

import dev.market.client.error.NotFoundException;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.Args;
import dev.market.client.internal.RetryPolicy;
import dev.market.protocol.model.Account;
import dev.market.protocol.model.AccountRegistration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts: a username and an e-mail address for this client's key. Reached through {@link
 * MarketClient#accounts()}. Decent Cloud requires one, with a verified address, to rent more than
 * once; our server serves the same endpoints and requires it only when started with {@code
 * --require-verified-email}.
 *
 * <pre>{@code
 * Account a = client.accounts().register("alice", "alice@example.org");
 * boolean canRent = client.accounts().mine().map(Account::verified).orElse(false);
 * }</pre>
 */
public final class AccountService {
  private final Api api;

  AccountService(Api api) {
    this.api = api;
  }

  /**
   * {@code POST /accounts}: creates the account of this client's key. The address starts
   * unverified: the marketplace mails it a link. Not retried once the request may have reached the
   * server; after a lost answer, {@link #mine()} tells whether it worked.
   *
   * @throws dev.market.client.error.ConflictException when the username is taken or the key already
   *     has an account
   * @throws dev.market.client.error.InvalidRequestException when the username or address is not
   *     acceptable
   */
  public Account register(String username, String email) {
    return register(username, email, RequestOptions.DEFAULT).value();
  }

  /** As {@link #register(String, String)}, with per-call options. */
  public Outcome<Account> register(String username, String email, RequestOptions options) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
    String op = "register account " + Args.printable(username);
    String me = api.me(op);
    return api.call(
        ApiRequest.signedPost(
            op, List.of("accounts"), json(new AccountRegistration(username, me, email))),
        options,
        env -> data(env, op, Account.class));
  }

  /**
   * {@code GET /accounts?publicKey=<me>}: this key's account, or empty when it has none. Signed, so
   * that our server includes the e-mail address (Decent Cloud shows it to anyone).
   */
  public Optional<Account> mine() {
    return mine(RequestOptions.DEFAULT).value();
  }

  /** As {@link #mine()}, with per-call options. */
  public Outcome<Optional<Account>> mine(RequestOptions options) {
    String op = "show account";
    String me = api.me(op);
    ApiRequest get =
        new ApiRequest(
            op,
            "GET",
            List.of("accounts"),
            List.of(Map.entry("publicKey", me)),
            null,
            true,
            RetryPolicy.Kind.IDEMPOTENT,
            null);
    try {
      return api.call(get, options, env -> Optional.of(data(env, op, Account.class)));
    } catch (NotFoundException e) {
      return new Outcome.Sent<>(Optional.empty());
    }
  }

  /** {@code GET /accounts/{username}}: an account by name, ignoring case. */
  public Account byUsername(String username) {
    Objects.requireNonNull(username, "username");
    String op = "show account " + Args.printable(username);
    return api.call(
            ApiRequest.publicGet(op, List.of("accounts", username), List.of()),
            RequestOptions.DEFAULT,
            env -> data(env, op, Account.class))
        .value();
  }
}
