package dev.market.server.money;

import dev.market.server.support.TestDatabases;

class MoneyPostgresTest extends MoneyContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
