package dev.market.server.money;

import dev.market.server.support.TestDatabases;

class LedgerInvariantSqliteTest extends LedgerInvariantContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
