package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class SerializableRacePostgresTest extends SerializableRaceContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
