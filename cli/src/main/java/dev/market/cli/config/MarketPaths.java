package dev.market.cli.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the tool keeps its files. {@code MARKET_HOME} relocates all of them (tests, demos, CI);
 * otherwise {@code $XDG_CONFIG_HOME/market}, else {@code ~/.config/market}. The user's home (for
 * {@code ~/.ssh}) comes from {@code HOME} so tests can relocate it too.
 */
public record MarketPaths(Path home, Path userHome) {

  public static MarketPaths fromEnv(Map<String, String> env) {
    Path userHome = Path.of(nonBlank(env.get("HOME"), System.getProperty("user.home")));
    String marketHome = env.get("MARKET_HOME");
    if (marketHome != null && !marketHome.isBlank()) {
      return new MarketPaths(Path.of(marketHome), userHome);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".config");
    return new MarketPaths(base.resolve("market"), userHome);
  }

  private static String nonBlank(String v, String fallback) {
    return v != null && !v.isBlank() ? v : fallback;
  }

  public Path configFile() {
    return home.resolve("config.properties");
  }

  public Path identitiesDir() {
    return home.resolve("identities");
  }

  public Path sshDir() {
    return userHome.resolve(".ssh");
  }
}
