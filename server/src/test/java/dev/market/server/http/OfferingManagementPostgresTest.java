package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class OfferingManagementPostgresTest extends OfferingManagementContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
