package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class RentalFlowSqliteTest extends RentalFlowContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
