package dev.market.server.store.jdbc;

import dev.market.server.domain.AccountRepository;
import dev.market.server.domain.ContractRepository;
import dev.market.server.domain.IdempotencyRepository;
import dev.market.server.domain.NonceRepository;
import dev.market.server.domain.NotificationRepository;
import dev.market.server.domain.OfferingRepository;
import dev.market.server.domain.ProviderSettingsRepository;
import dev.market.server.domain.RateLimitRepository;
import dev.market.server.domain.Tx;
import dev.market.server.domain.money.LedgerRepository;
import dev.market.server.domain.money.ReviewRepository;
import dev.market.server.domain.money.TermRepository;
import java.sql.Connection;

/** The repositories of one transaction, all on its one connection. */
final class JdbcTx implements Tx {
  private final Connection c;
  private final JdbcStore.Dialect dialect;

  JdbcTx(Connection c, JdbcStore.Dialect dialect) {
    this.c = c;
    this.dialect = dialect;
  }

  /** The connection, for the store's own tests (PRAGMA checks). */
  Connection connection() {
    return c;
  }

  @Override
  public OfferingRepository offerings() {
    return new JdbcOfferings(c);
  }

  @Override
  public ContractRepository contracts() {
    return new JdbcContracts(c);
  }

  @Override
  public NotificationRepository notifications() {
    return new JdbcNotifications(c);
  }

  @Override
  public ProviderSettingsRepository settings() {
    return new JdbcSmallTables.Settings(c);
  }

  @Override
  public IdempotencyRepository idempotency() {
    return new JdbcSmallTables.Idempotency(c);
  }

  @Override
  public NonceRepository nonces() {
    return new JdbcSmallTables.Nonces(c, dialect);
  }

  @Override
  public RateLimitRepository rateLimits() {
    return new JdbcSmallTables.RateLimits(c, dialect);
  }

  @Override
  public AccountRepository accounts() {
    return new JdbcAccounts(c);
  }

  @Override
  public LedgerRepository ledger() {
    return new JdbcLedger(c);
  }

  @Override
  public TermRepository terms() {
    return new JdbcTerms(c);
  }

  @Override
  public ReviewRepository reviews() {
    return new JdbcReviews(c);
  }
}
