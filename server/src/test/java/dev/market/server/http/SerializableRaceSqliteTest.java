package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class SerializableRaceSqliteTest extends SerializableRaceContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
