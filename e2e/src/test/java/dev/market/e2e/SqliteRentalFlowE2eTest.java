package dev.market.e2e;

import java.nio.file.Path;

class SqliteRentalFlowE2eTest extends RentalFlowE2eTest {
  @Override
  String database(Path scratch) {
    return scratch.resolve("market.db").toString();
  }
}
