package dev.market.cli.config;

import dev.market.cli.CliException;
import dev.market.cli.output.OutputFormat;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The config file ({@code config.properties} under the market home). Only known keys are accepted,
 * each validated, so a typo fails at {@code config set} rather than silently later. Loaded on first
 * use; written atomically.
 */
public final class CliConfig {
  public static final String API_URL = "api-url";
  public static final String IDENTITY = "identity";
  public static final String OUTPUT = "output";
  public static final String PROFILE = "profile";

  /** Profiles live in the same file as {@code profile.NAME.api-url} and {@code ...identity}. */
  private static final String PROFILE_PREFIX = "profile.";

  private static final java.util.regex.Pattern PROFILE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** A named marketplace: where it is, and which identity signs there (or none). */
  public record Profile(String name, String apiUrl, String identity) {}

  /** Every key with what it means, in display order. */
  public static final Map<String, String> KEYS;

  static {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(API_URL, "marketplace API root, e.g. http://127.0.0.1:8787");
    keys.put(IDENTITY, "identity used when --identity and MARKET_IDENTITY are absent");
    keys.put(OUTPUT, "default output format: table, json or ids");
    keys.put(PROFILE, "profile used when --profile and MARKET_PROFILE are absent");
    KEYS = Collections.unmodifiableMap(keys);
  }

  private final Path file;
  private Properties props;

  public CliConfig(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  public Optional<String> get(String key) {
    String v = load().getProperty(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** All set keys, sorted (profiles are listed by {@link #profiles()}). */
  public Map<String, String> list() {
    Map<String, String> out = new TreeMap<>();
    load().stringPropertyNames().stream()
        .filter(k -> !k.startsWith(PROFILE_PREFIX))
        .forEach(k -> out.put(k, load().getProperty(k)));
    return out;
  }

  /** Every profile, by name. */
  public Map<String, Profile> profiles() {
    Map<String, Profile> out = new TreeMap<>();
    for (String k : load().stringPropertyNames()) {
      if (k.startsWith(PROFILE_PREFIX) && k.endsWith("." + API_URL)) {
        String name = k.substring(PROFILE_PREFIX.length(), k.length() - API_URL.length() - 1);
        out.put(
            name,
            new Profile(
                name,
                load().getProperty(k),
                load().getProperty(PROFILE_PREFIX + name + "." + IDENTITY)));
      }
    }
    return out;
  }

  /**
   * The profile named {@code name}.
   *
   * @throws CliException exit 2 naming the profiles there are
   */
  public Profile profile(String name, String from) {
    Profile p = profiles().get(name);
    if (p == null) {
      Map<String, Profile> all = profiles();
      throw CliException.usage(
          from
              + ": no profile '"
              + name
              + "' ("
              + (all.isEmpty() ? "there are none yet" : "known: " + String.join(", ", all.keySet()))
              + ")",
          "market config profile add " + name + " --api-url URL");
    }
    return p;
  }

  /** Adds or replaces a profile. */
  public void putProfile(Profile p) {
    if (!PROFILE_NAME.matcher(p.name()).matches()) {
      throw CliException.usage(
          "config profile add: '"
              + p.name()
              + "' is not a profile name (letters, digits, '.', '_', '-'; up to 64)",
          "market config profile add decent-cloud --api-url https://api.example.com");
    }
    validate(API_URL, p.apiUrl());
    load().setProperty(PROFILE_PREFIX + p.name() + "." + API_URL, p.apiUrl().trim());
    if (p.identity() == null || p.identity().isBlank()) {
      load().remove(PROFILE_PREFIX + p.name() + "." + IDENTITY);
    } else {
      load().setProperty(PROFILE_PREFIX + p.name() + "." + IDENTITY, p.identity().trim());
    }
    save();
  }

  /** Removes a profile (and makes none active if it was); returns whether it existed. */
  public boolean removeProfile(String name) {
    boolean had = load().remove(PROFILE_PREFIX + name + "." + API_URL) != null;
    load().remove(PROFILE_PREFIX + name + "." + IDENTITY);
    if (had && name.equals(load().getProperty(PROFILE))) {
      load().remove(PROFILE);
    }
    if (had) {
      save();
    }
    return had;
  }

  /**
   * Validates and stores a value.
   *
   * @throws CliException (exit 2) for an unknown key or a bad value
   */
  public void set(String key, String value) {
    checkKey(key);
    validate(key, value);
    load().setProperty(key, value.trim());
    save();
  }

  /** Removes a key; returns whether it was set. */
  public boolean unset(String key) {
    checkKey(key);
    boolean had = load().remove(key) != null;
    if (had) {
      save();
    }
    return had;
  }

  public static void checkKey(String key) {
    if (!KEYS.containsKey(key)) {
      throw CliException.usage(
          "config: unknown key '" + key + "' (known: " + String.join(", ", KEYS.keySet()) + ")",
          "market config list");
    }
  }

  private void validate(String key, String value) {
    String v = value == null ? "" : value.trim();
    switch (key) {
      case API_URL -> {
        try {
          URI uri = new URI(v);
          if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
              || uri.getHost() == null) {
            throw new URISyntaxException(v, "not an http(s) URL with a host");
          }
        } catch (URISyntaxException e) {
          throw CliException.usage(
              "config set api-url: '" + v + "' is not an http(s) URL",
              "market config set api-url http://127.0.0.1:8787");
        }
      }
      case OUTPUT -> OutputFormat.parse(v, "config set output", "market config set output table");
      case IDENTITY -> {
        if (v.isEmpty()) {
          throw CliException.usage(
              "config set identity: the name is empty", "market config unset identity");
        }
      }
      case PROFILE -> profile(v, "config set profile");
      default -> throw new IllegalStateException("unvalidated key " + key);
    }
  }

  private Properties load() {
    if (props == null) {
      Properties p = new Properties();
      if (Files.exists(file)) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          p.load(r);
        } catch (IOException e) {
          throw new CliException(
              1, "read config " + file + ": " + e.getMessage(), "check the file's permissions", e);
        }
      }
      props = p;
    }
    return props;
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".config", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        // sorted, no timestamp comment: the file diffs cleanly
        Map<String, String> all = new TreeMap<>();
        load().stringPropertyNames().forEach(k -> all.put(k, load().getProperty(k)));
        for (Map.Entry<String, String> e : all.entrySet()) {
          w.write(e.getKey() + "=" + escape(e.getValue()) + "\n");
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException(
          1,
          "write config " + file + ": " + describe(e),
          "check that " + file.getParent() + " is a directory you may write to",
          e);
    }
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n");
  }

  /** What went wrong, in words: a bare exception message is often only the path again. */
  private static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName().replaceAll("Exception$", "") + " " + e.getMessage();
  }
}
