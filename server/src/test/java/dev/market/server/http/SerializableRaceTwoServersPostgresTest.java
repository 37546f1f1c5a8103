package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class SerializableRaceTwoServersPostgresTest extends SerializableRaceContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }

  @Override
  boolean twoServers() {
    return true;
  }
}
