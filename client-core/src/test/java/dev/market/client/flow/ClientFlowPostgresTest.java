package dev.market.client.flow;

import dev.market.server.support.TestDatabases;

class ClientFlowPostgresTest extends ClientFlowContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
