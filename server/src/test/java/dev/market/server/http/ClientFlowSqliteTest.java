package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class ClientFlowSqliteTest extends ClientFlowContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
