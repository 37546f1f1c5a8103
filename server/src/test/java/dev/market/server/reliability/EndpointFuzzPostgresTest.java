package dev.market.server.reliability;

import dev.market.server.support.TestDatabases;
import net.jqwik.api.lifecycle.AddLifecycleHook;

@AddLifecycleHook(SkipWithoutPostgres.class)
class EndpointFuzzPostgresTest extends EndpointFuzzContract {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.POSTGRES;
  }
}
