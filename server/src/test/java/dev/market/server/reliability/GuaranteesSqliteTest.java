package dev.market.server.reliability;

import dev.market.server.support.TestDatabases;

class GuaranteesSqliteTest extends GuaranteesContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
