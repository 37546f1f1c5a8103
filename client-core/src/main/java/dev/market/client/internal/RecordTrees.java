package dev.market.client.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.json.Json;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A wire object reduced to the JSON tree its record would write ({@code
 * Json.mapper().valueToTree(Json.mapper().treeToValue(node, type))}), without binding the record
 * when the object already has the record's types: its fields only, in the record's order, nulls
 * left out, each value as the node the record's field would write. Binding a page of records and
 * writing them back was most of what printing {@code market offerings list -o json} cost beyond the
 * HTTP call. A value of another type (a number sent as a string, an int field out of range, a
 * nested object) is not reduced: {@link #reduce} answers null and the caller binds as before, so
 * both paths give the same tree, or the same error. Only for records whose components are all text,
 * whole numbers, decimals or booleans, each named on the wire by its name in snake case ({@code
 * gpuMemoryGb}, {@code gpu_memory_gb}), which is what its {@link JsonProperty} says: the name is
 * derived, not read from the annotation, since reading 33 annotations made a proxy class and 33
 * proxies in every run of {@code market offerings list}. {@code RecordTreesTest} holds the derived
 * names equal to the annotations of every record this is used with; {@code OfferingTreesTest} (cli)
 * holds the two paths equal on fourteen wire pages.
 */
public final class RecordTrees {
  private enum Kind {
    TEXT,
    INT,
    LONG,
    DECIMAL,
    BOOLEAN
  }

  private final String[] names;
  private final Kind[] kinds;

  private RecordTrees(String[] names, Kind[] kinds) {
    this.names = names;
    this.kinds = kinds;
  }

  /**
   * The table of {@code type}'s fields.
   *
   * @throws IllegalArgumentException when a component is unnamed or of another type
   */
  public static RecordTrees of(Class<? extends Record> type) {
    RecordComponent[] components = type.getRecordComponents();
    String[] names = new String[components.length];
    Kind[] kinds = new Kind[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      names[i] = snakeCase(c.getName());
      kinds[i] = kind(type, c);
    }
    return new RecordTrees(names, kinds);
  }

  /** The wire names of the fields, in the record's order. */
  String[] names() {
    return names.clone();
  }

  /** {@code gpuMemoryGb} as {@code gpu_memory_gb}. */
  static String snakeCase(String name) {
    StringBuilder b = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        b.append('_').append((char) (ch + ('a' - 'A')));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static Kind kind(Class<?> type, RecordComponent c) {
    Class<?> t = c.getType();
    if (t == String.class) {
      return Kind.TEXT;
    } else if (t == Integer.class) {
      return Kind.INT;
    } else if (t == Long.class) {
      return Kind.LONG;
    } else if (t == BigDecimal.class) {
      return Kind.DECIMAL;
    } else if (t == Boolean.class) {
      return Kind.BOOLEAN;
    }
    throw new IllegalArgumentException(
        type.getName() + "." + c.getName() + " is a " + t.getName() + ", not reducible");
  }

  /**
   * The values binding {@code node} would pass to the record's canonical constructor, in its
   * components' order (absent and null fields null), or null when only binding it can tell: the
   * same condition as {@link #reduce}. Each value is what Jackson's binding reads from the same
   * tree (text, {@code Integer}, {@code Long}, the node's {@code BigDecimal}, {@code Boolean}).
   */
  public Object[] values(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    Object[] out = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      JsonNode v = node.get(names[i]);
      if (v == null || v.isNull()) {
        continue;
      }
      Object value =
          switch (kinds[i]) {
            case TEXT -> v.isTextual() ? v.textValue() : null;
            case INT -> v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
            case LONG -> v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null;
            case DECIMAL -> v.isNumber() ? v.decimalValue() : null;
            case BOOLEAN -> v.isBoolean() ? v.booleanValue() : null;
          };
      if (value == null) {
        return null;
      }
      out[i] = value;
    }
    return out;
  }

  /** A record's canonical constructor, given {@link #values} in its components' order. */
  public interface Canonical<T> {
    T make(Object[] values);
  }

  /**
   * An answer's {@code data} as one record: made by {@code make} from the tree when it already has
   * the record's types ({@link #values}), else bound by Jackson, so the record and the errors are
   * the same either way. Jackson's binding of a record first builds its deserializer from the
   * record's annotated components, on every run of a short-lived command.
   */
  public <T> T one(ObjectNode env, String op, Canonical<T> make, Class<T> type) {
    Object[] v = values(Envelopes.dataNode(env, op));
    return v == null ? Envelopes.data(env, op, type) : make.make(v);
  }

  /** As {@link #one}, for a {@code data} array: made from the tree only if every element can be. */
  public <T> List<T> list(
      ObjectNode env, String op, Canonical<T> make, TypeReference<List<T>> type) {
    JsonNode data = Envelopes.dataNode(env, op);
    if (!data.isArray()) {
      return Envelopes.data(env, op, type);
    }
    List<T> out = new ArrayList<>(data.size());
    for (JsonNode o : data) {
      Object[] v = values(o);
      if (v == null) {
        return Envelopes.data(env, op, type);
      }
      out.add(make.make(v));
    }
    return out;
  }

  /** {@code node} as the record writes it, or null when only binding it can tell. */
  public ObjectNode reduce(JsonNode node) {
    Object[] values = values(node);
    return values == null ? null : tree(values);
  }

  /**
   * The tree a record with these component values writes ({@code Json.mapper().valueToTree}): its
   * fields in order, nulls left out, each value as its field writes it.
   *
   * @param values the components' values in order, each of its component's type or null
   */
  public ObjectNode tree(Object[] values) {
    JsonNodeFactory f = Json.mapper().getNodeFactory();
    ObjectNode out = f.objectNode();
    for (int i = 0; i < names.length; i++) {
      Object v = values[i];
      if (v != null) {
        out.set(
            names[i],
            switch (kinds[i]) {
              case TEXT -> f.textNode((String) v);
              case INT -> f.numberNode((Integer) v);
              case LONG -> f.numberNode((Long) v);
              case DECIMAL -> f.numberNode((BigDecimal) v);
              case BOOLEAN -> f.booleanNode((Boolean) v);
            });
      }
    }
    return out;
  }
}
