package dev.market.server.reliability;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * jqwik's counterpart of {@code TestDatabases.assumePostgres()}: jqwik counts a failed JUnit
 * assumption as a rejected try and then fails the property as exhausted, so the PostgreSQL variants
 * of a property are skipped up front under {@code -Dpg.skip=true}.
 */
public final class SkipWithoutPostgres implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return Boolean.getBoolean("pg.skip")
        ? SkipResult.skip("PostgreSQL variants skipped (-Dpg.skip=true)")
        : SkipResult.doNotSkip();
  }
}
