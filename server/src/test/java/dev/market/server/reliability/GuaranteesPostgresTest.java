package dev.market.server.reliability;

import dev.market.server.support.TestDatabases;

class GuaranteesPostgresTest extends GuaranteesContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
