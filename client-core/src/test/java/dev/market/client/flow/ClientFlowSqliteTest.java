package dev.market.client.flow;

import dev.market.server.support.TestDatabases;

class ClientFlowSqliteTest extends ClientFlowContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
