package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class SerializableRaceTwoServersSqliteTest extends SerializableRaceContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }

  @Override
  boolean twoServers() {
    return true;
  }
}
