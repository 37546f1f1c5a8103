package dev.market.cli.output;

import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON schema version of each command that prints JSON (docs/json.md). A version changes when a
 * field is removed, renamed or changes type; new fields do not change it. {@code Cli} adds {@code
 * --jq} and a help line naming the schema to exactly these commands.
 */
public final class JsonSchemas {
  /** Command words after {@code market} → schema version. */
  public static final Map<String, Integer> VERSIONS = new TreeMap<>();

  static {
    for (String command :
        new String[] {
          "accept",
          "account register",
          "account show",
          "auto-renew",
          "cancel",
          "config list",
          "config profile list",
          "connect",
          "contracts",
          "credentials",
          "events",
          "extend",
          "identity import",
          "identity list",
          "identity new",
          "identity show",
          "notifications",
          "offerings create",
          "offerings delete",
          "offerings list",
          "offerings mine",
          "offerings show",
          "offerings update",
          "provider auto-accept",
          "provision",
          "reject",
          "rent",
          "rentals",
          "requests",
          "review",
          "status",
          "wallet",
          "wallet deposit",
          "wallet withdraw",
          "whoami",
        }) {
      VERSIONS.put(command, 1);
    }
  }

  private JsonSchemas() {}

  /** The schema's name as docs/json.md and the help write it, e.g. {@code market.rentals/1}. */
  public static String name(String command) {
    Integer v = VERSIONS.get(command);
    return v == null ? null : "market." + command.replace(' ', '.') + "/" + v;
  }
}
