package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class ClientMistakePostgresTest extends ClientMistakeContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
