package dev.market.server.http;

import dev.market.protocol.json.Json;
import dev.market.server.ServerConfig;
import dev.market.server.domain.AccountService;
import dev.market.server.domain.ContractService;
import dev.market.server.domain.OfferingService;
import dev.market.server.domain.ReplayGuard;
import dev.market.server.domain.money.LedgerService;
import dev.market.server.domain.money.ReviewService;
import dev.market.server.domain.money.TermService;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * The route table of docs/protocol.md section 4. Every request first passes {@link RequestFilter};
 * signed routes then pass {@link SignatureFilter}; every failure is answered by {@link
 * ErrorMapping}.
 */
public final class Routes {
  static final String API = "/api/v1";

  private final RequestFilter requests;
  private final SignatureFilter signatures;
  private final OfferingHandlers offerings;
  private final ContractHandlers contracts;
  private final AccountHandlers accounts;
  private final MoneyHandlers money;

  public Routes(
      ServerConfig config,
      ReplayGuard replays,
      OfferingService offeringService,
      ContractService contractService,
      AccountService accountService,
      LedgerService ledger,
      TermService terms,
      ReviewService reviews) {
    this.requests = new RequestFilter(config);
    this.signatures = new SignatureFilter(config, replays);
    this.offerings = new OfferingHandlers(offeringService);
    this.contracts = new ContractHandlers(contractService);
    this.accounts = new AccountHandlers(accountService);
    this.money = new MoneyHandlers(ledger, terms, reviews);
  }

  /** Called by the sweeper: forgets address buckets that are full again. */
  public void housekeeping() {
    requests.housekeeping();
  }

  public void install(JavalinConfig cfg) {
    cfg.router.ignoreTrailingSlashes = true;
    cfg.routes.before(requests::before);
    ErrorMapping.install(cfg);

    cfg.routes.get(API + "/health", Routes::health);
    cfg.routes.get(API + "/offerings", offerings::list);
    cfg.routes.get(API + "/offerings/{id}", offerings::get);
    cfg.routes.get(API + "/providers/{pubkey}/offerings", offerings::ofProvider);
    cfg.routes.post(API + "/providers/{pubkey}/offerings", signatures.signed(offerings::create));
    cfg.routes.put(
        API + "/providers/{pubkey}/offerings/{id}", signatures.signed(offerings::update));
    cfg.routes.delete(
        API + "/providers/{pubkey}/offerings/{id}", signatures.signed(offerings::delete));
    cfg.routes.get(API + "/provider/my-offerings", signatures.signed(offerings::mine));

    cfg.routes.post(API + "/contracts", signatures.signed(contracts::create));
    cfg.routes.get(API + "/contracts/{id}", signatures.signed(contracts::get));
    cfg.routes.get(
        API + "/users/{pubkey}/contracts", signatures.signed(contracts::renterContracts));
    cfg.routes.put(API + "/contracts/{id}/cancel", signatures.signed(contracts::cancel));
    cfg.routes.get(API + "/contracts/{id}/credentials", signatures.signed(contracts::credentials));
    cfg.routes.get(API + "/contracts/{id}/events", signatures.signed(contracts::events));

    cfg.routes.get(
        API + "/provider/rental-requests/pending", signatures.signed(contracts::pending));
    cfg.routes.post(
        API + "/provider/rental-requests/{id}/respond", signatures.signed(contracts::respond));
    cfg.routes.put(
        API + "/provider/rental-requests/{id}/provisioning",
        signatures.signed(contracts::provisioning));
    cfg.routes.get(
        API + "/providers/{pubkey}/contracts", signatures.signed(contracts::providerContracts));

    // accounts (issue 9): Decent Cloud's paths and shapes (api/src/openapi/accounts.rs:18-356)
    cfg.routes.post(API + "/accounts", signatures.signed(accounts::register));
    cfg.routes.get(API + "/accounts", signatures.optionallySigned(accounts::byPublicKey));
    cfg.routes.get(API + "/accounts/{username}", signatures.optionallySigned(accounts::byUsername));

    cfg.routes.get(
        API + "/users/{pubkey}/notifications", signatures.signed(accounts::notifications));
    cfg.routes.get(
        API + "/users/{pubkey}/notifications/unread-count",
        signatures.signed(accounts::unreadCount));
    cfg.routes.post(
        API + "/users/{pubkey}/notifications/mark-read", signatures.signed(accounts::markRead));
    cfg.routes.get(
        API + "/provider/settings/auto-accept", signatures.signed(accounts::getAutoAccept));
    cfg.routes.put(
        API + "/provider/settings/auto-accept", signatures.signed(accounts::setAutoAccept));

    // money (issue 10): wallet, extension, auto-renew, reviews
    cfg.routes.get(API + "/users/{pubkey}/wallet", signatures.signed(money::wallet));
    cfg.routes.post(API + "/users/{pubkey}/wallet/deposits", signatures.signed(money::deposit));
    cfg.routes.post(API + "/users/{pubkey}/wallet/withdrawals", signatures.signed(money::withdraw));
    cfg.routes.post(API + "/contracts/{id}/extend", signatures.signed(money::extend));
    cfg.routes.put(API + "/contracts/{id}/auto-renew", signatures.signed(money::autoRenew));
    cfg.routes.get(API + "/contracts/{id}/terms", signatures.signed(money::terms));
    cfg.routes.post(API + "/contracts/{id}/feedback", signatures.signed(money::review));
    cfg.routes.get(API + "/contracts/{id}/feedback", signatures.signed(money::getReview));
  }

  private static void health(Context ctx) {
    var n = Json.mapper().createObjectNode();
    n.put("success", true);
    n.put("message", "ok");
    // tells a client that a lost POST /contracts may be repeated with the same Idempotency-Key
    // (protocol section 8); Decent Cloud's health says nothing of the kind
    n.put("idempotencyKeys", true);
    Envelope.write(ctx, 200, n);
  }
}
