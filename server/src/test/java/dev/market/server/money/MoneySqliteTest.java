package dev.market.server.money;

import dev.market.server.support.TestDatabases;

class MoneySqliteTest extends MoneyContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
