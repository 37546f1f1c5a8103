package dev.market.server.http;

import dev.market.server.support.TestDatabases;

class TransitionRacePostgresTest extends TransitionRaceContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
