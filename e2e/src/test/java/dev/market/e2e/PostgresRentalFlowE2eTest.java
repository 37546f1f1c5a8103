package dev.market.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

class PostgresRentalFlowE2eTest extends RentalFlowE2eTest {
  private EmbeddedPostgres postgres;

  @Override
  String database(Path scratch) {
    Assumptions.assumeFalse(Boolean.getBoolean("pg.skip"), "pg.skip=true");
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @AfterAll
  void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
