package dev.market.server.store.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java, registered by {@link JdbcStore} so it runs in the one history of
 * both databases: its version and description; no checksum (the code is its own record); in the
 * migration's transaction.
 */
abstract class JavaMigrationStep implements JavaMigration {
  private final MigrationVersion version;
  private final String description;

  JavaMigrationStep(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public final MigrationVersion getVersion() {
    return version;
  }

  @Override
  public final String getDescription() {
    return description;
  }

  @Override
  public final Integer getChecksum() {
    return null;
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }
}
