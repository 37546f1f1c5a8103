package dev.market.server.reliability;

import dev.market.server.support.TestDatabases;

class EndpointFuzzPostgresTest extends EndpointFuzzContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
