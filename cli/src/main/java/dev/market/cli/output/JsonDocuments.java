package dev.market.cli.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.Contracts;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Account;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.LedgerEntry;
import dev.market.protocol.model.UserNotification;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CLI's one JSON language (docs/json.md): whatever a command prints with {@code -o json} goes
 * through {@link #of}, so every command speaks it alike.
 *
 * <ul>
 *   <li>keys are snake_case, as contracts and offerings are on the wire (events, notifications and
 *       the wallet are camelCase on the wire and are renamed);
 *   <li>a raw time keeps its unit in its name ({@code created_at_ns}, {@code read_at_s}) and has an
 *       ISO-8601 UTC string beside it under the name without the unit ({@code created_at}), so jq
 *       1.6 and JavaScript, which read integers as doubles, never need the nanoseconds;
 *   <li>amounts stay exact decimals, as on the wire.
 * </ul>
 */
public final class JsonDocuments {
  /**
   * Writes records as documents (snake_case keys, the time mix-ins). Built on first use: a command
   * that prints trees it was sent (offerings list -o json) never needs it, and building a second
   * mapper was a few milliseconds of its start-up.
   */
  private static final class Records {
    static final ObjectMapper MAPPER =
        ((JsonMapper) Json.mapper().copy())
            .rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // 12.50 stays 12.50: a tree would otherwise strip the zero the wire sent
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .addMixIn(ContractEvent.class, NanosCreated.class)
            .addMixIn(UserNotification.class, SecondsCreatedAndRead.class)
            .addMixIn(LedgerEntry.class, SecondsCreated.class)
            .addMixIn(Account.class, NanosCreatedAndUpdated.class)
            .addMixIn(Account.AccountKey.class, NanosAdded.class)
            .build();
  }

  private static final String NANOS = "_ns";
  private static final String SECONDS = "_s";

  private JsonDocuments() {}

  /** The mapper that writes documents; trees from {@link #of} need nothing more. */
  public static ObjectMapper mapper() {
    return Json.mapper();
  }

  /** {@code value} as the document {@code -o json} prints. */
  public static JsonNode of(Object value) {
    return normalize(tree(value));
  }

  /**
   * {@code value} as the tree its record writes: a tree (OfferingService.listTrees) already is one,
   * a contract is written by {@link Contracts#tree} (what Jackson writes, without building its
   * record serializer in every run of {@code rentals} and {@code status}), a list element by
   * element, anything else by the records' mapper.
   */
  static JsonNode tree(Object value) {
    if (value instanceof JsonNode tree) {
      return tree;
    } else if (value instanceof Contract c) {
      return Contracts.tree(c);
    } else if (value instanceof List<?> list) {
      ArrayNode out = Json.mapper().createArrayNode();
      for (Object e : list) {
        out.add(e == null ? NullNode.getInstance() : tree(e));
      }
      return out;
    }
    return viaMapper(value);
  }

  /** {@code value} written by the records' mapper, as every value was before {@link #tree}. */
  static JsonNode viaMapper(Object value) {
    return Records.MAPPER.valueToTree(value);
  }

  private static JsonNode normalize(JsonNode node) {
    if (node instanceof ArrayNode a) {
      ArrayNode out = Json.mapper().createArrayNode();
      a.forEach(e -> out.add(normalize(e)));
      return out;
    }
    if (!(node instanceof ObjectNode o)) {
      return node;
    }
    ObjectNode out = Json.mapper().createObjectNode();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String key = snake(e.getKey());
      JsonNode value = normalize(e.getValue());
      String iso = isoName(key, value);
      if (iso != null && !o.has(iso) && !out.has(iso)) {
        out.put(iso, iso(key, value.longValue()));
      }
      out.set(key, value);
    }
    return out;
  }

  /** The name of the ISO twin of a raw time field, or {@code null} when it is none. */
  private static String isoName(String key, JsonNode value) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      return null;
    }
    if (key.endsWith(NANOS) && key.length() > NANOS.length()) {
      return key.substring(0, key.length() - NANOS.length());
    }
    if (key.endsWith(SECONDS) && key.length() > SECONDS.length()) {
      return key.substring(0, key.length() - SECONDS.length());
    }
    return null;
  }

  private static String iso(String key, long raw) {
    Instant t =
        key.endsWith(NANOS)
            ? Instant.ofEpochSecond(
                Math.floorDiv(raw, 1_000_000_000L), Math.floorMod(raw, 1_000_000_000L))
            : Instant.ofEpochSecond(raw);
    return t.toString();
  }

  /** {@code contractId} → {@code contract_id}; snake_case and dashed names stay as they are. */
  static String snake(String key) {
    StringBuilder b = null;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c)) {
        if (b == null) {
          b = new StringBuilder(key.length() + 4).append(key, 0, i);
        }
        if (i > 0 && key.charAt(i - 1) != '_') {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? key : b.toString().toLowerCase(Locale.ROOT);
  }

  /** Accounts carry Unix nanoseconds in bare {@code createdAt} and {@code updatedAt}. */
  private abstract static class NanosCreatedAndUpdated {
    @JsonProperty("created_at_ns")
    abstract Long createdAt();

    @JsonProperty("updated_at_ns")
    abstract Long updatedAt();
  }

  /** An account's key carries Unix nanoseconds in a bare {@code addedAt}. */
  private abstract static class NanosAdded {
    @JsonProperty("added_at_ns")
    abstract Long addedAt();
  }

  /** Events carry Unix nanoseconds in a bare {@code createdAt} on the wire. */
  private abstract static class NanosCreated {
    @JsonProperty("created_at_ns")
    abstract Long createdAt();
  }

  /** Notifications carry Unix seconds in bare {@code createdAt} and {@code readAt}. */
  private abstract static class SecondsCreatedAndRead {
    @JsonProperty("created_at_s")
    abstract Long createdAt();

    @JsonProperty("read_at_s")
    abstract Long readAt();
  }

  /** Ledger entries carry Unix seconds in a bare {@code createdAt}. */
  private abstract static class SecondsCreated {
    @JsonProperty("created_at_s")
    abstract Long createdAt();
  }
}
