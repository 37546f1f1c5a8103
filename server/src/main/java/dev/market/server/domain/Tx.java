package dev.market.server.domain;

import dev.market.server.domain.money.LedgerRepository;
import dev.market.server.domain.money.ReviewRepository;
import dev.market.server.domain.money.TermRepository;

/** The repositories of one transaction, one per aggregate. */
public interface Tx {

  OfferingRepository offerings();

  ContractRepository contracts();

  NotificationRepository notifications();

  ProviderSettingsRepository settings();

  IdempotencyRepository idempotency();

  NonceRepository nonces();

  RateLimitRepository rateLimits();

  AccountRepository accounts();

  // ---- money (issue 10) ----

  LedgerRepository ledger();

  TermRepository terms();

  ReviewRepository reviews();
}
