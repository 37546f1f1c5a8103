package dev.market.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.internal.RecordTrees;
import dev.market.protocol.model.Contract;
import java.util.List;

/**
 * Contracts read from the marketplace's answers ({@code rentals}, {@code status}, the provider's
 * lists): made from the tree with the canonical constructor when the JSON already has their types,
 * else bound by Jackson, the same records and errors either way ({@link RecordTrees#one}). Binding
 * built Jackson's deserializer for the record's 27 components in every run of {@code market
 * rentals} and {@code market status}.
 */
final class Contracts {
  private Contracts() {}

  private static final RecordTrees TREES = RecordTrees.of(Contract.class);
  private static final TypeReference<List<Contract>> LIST = new TypeReference<>() {};

  /** The answer's contract. */
  static Contract one(ObjectNode env, String op) {
    return TREES.one(env, op, Contracts::contract, Contract.class);
  }

  /** The answer's contracts. */
  static List<Contract> list(ObjectNode env, String op) {
    return TREES.list(env, op, Contracts::contract, LIST);
  }

  /** Contract's canonical constructor on values in its components' order. */
  static Contract contract(Object[] v) {
    return new Contract(
        (String) v[0],
        (String) v[1],
        (String) v[2],
        (String) v[3],
        (String) v[4],
        (String) v[5],
        (String) v[6],
        (Long) v[7],
        (String) v[8],
        (String) v[9],
        (String) v[10],
        (Long) v[11],
        (Long) v[12],
        (Long) v[13],
        (String) v[14],
        (Long) v[15],
        (String) v[16],
        (Long) v[17],
        (String) v[18],
        (Long) v[19],
        (String) v[20],
        (String) v[21],
        (String) v[22],
        (Boolean) v[23],
        (Long) v[24],
        (Long) v[25],
        (Long) v[26]);
  }
}
