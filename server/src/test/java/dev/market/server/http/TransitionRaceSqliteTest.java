package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class TransitionRaceSqliteTest extends TransitionRaceContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
