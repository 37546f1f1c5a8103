package dev.market.server.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteOfferingSqlTest extends OfferingSqlContract {
  private Connection connection;

  @BeforeAll
  void createDatabase(@TempDir Path dir) throws SQLException {
    Path file = dir.resolve("market.db");
    JdbcStore.open(file.toString()).close(); // the server's own migrations
    connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    OfferingRows.insertAll(connection);
  }

  @AfterAll
  void close() throws SQLException {
    connection.close();
  }

  @Override
  Connection connection() {
    return connection;
  }
}
