package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class SecretReportPostgresTest extends SecretReportContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
