package dev.market.server.domain;

/** The repositories of one transaction, one per aggregate. */
public interface Tx {

  OfferingRepository offerings();

  ContractRepository contracts();

  NotificationRepository notifications();

  ProviderSettingsRepository settings();

  IdempotencyRepository idempotency();

  NonceRepository nonces();

  RateLimitRepository rateLimits();
}
