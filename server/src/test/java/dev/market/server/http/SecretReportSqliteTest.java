package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class SecretReportSqliteTest extends SecretReportContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
