package dev.market.server.reliability;

import dev.market.server.support.TestDatabases;

class EndpointFuzzSqliteTest extends EndpointFuzzContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
