package dev.market.server.store.jdbc;

import java.util.List;

/**
 * A piece of SQL with its {@code ?} parameters in order. User text only ever travels in {@code
 * params}.
 */
public record SqlFragment(String sql, List<Object> params) {
  public SqlFragment {
    params = List.copyOf(params);
  }
}
