package dev.market.server.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOfferingSqlTest extends OfferingSqlContract {
  private EmbeddedPostgres postgres;
  private Connection connection;

  @BeforeAll
  void createDatabase() throws IOException, SQLException {
    assumeFalse(Boolean.getBoolean("pg.skip"), "PostgreSQL suites skipped (-Dpg.skip=true)");
    postgres = EmbeddedPostgres.start();
    JdbcStore.open(postgres.getJdbcUrl("postgres", "postgres")).close(); // the real migrations
    connection = postgres.getPostgresDatabase().getConnection();
    OfferingRows.insertAll(connection);
  }

  @AfterAll
  void close() throws SQLException, IOException {
    if (connection != null) {
      connection.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  Connection connection() {
    return connection;
  }
}
