package dev.market.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.internal.RecordTrees;
import dev.market.protocol.model.Contract;
import java.util.List;

/**
 * Contracts as JSON trees, both ways, without Jackson's record (de)serializers, which it builds
 * from the record's 27 annotated components first, in every run of {@code market rentals} and
 * {@code market status}: read from the marketplace's answers with the canonical constructor when
 * the JSON already has their types, else bound by Jackson, the same records and errors either way
 * ({@link RecordTrees#one}); written as the tree Jackson would write ({@link #tree}).
 */
public final class Contracts {
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

  /**
   * {@code c} as the JSON tree it writes, {@code Json.mapper().valueToTree(c)}: its fields in
   * order, nulls left out.
   */
  public static ObjectNode tree(Contract c) {
    return TREES.tree(values(c));
  }

  /** {@code c}'s components in order: what {@link #contract} takes. */
  static Object[] values(Contract c) {
    return new Object[] {
      c.contractId(),
      c.requesterPubkey(),
      c.requesterSshPubkey(),
      c.requesterContact(),
      c.providerPubkey(),
      c.offeringId(),
      c.offeringName(),
      c.paymentAmountE9s(),
      c.currency(),
      c.paymentMethod(),
      c.paymentStatus(),
      c.startTimestampNs(),
      c.endTimestampNs(),
      c.durationHours(),
      c.requestMemo(),
      c.createdAtNs(),
      c.status(),
      c.statusUpdatedAtNs(),
      c.provisioningInstanceDetails(),
      c.provisioningCompletedAtNs(),
      c.operatingSystem(),
      c.statusReason(),
      c.providerMemo(),
      c.autoRenew(),
      c.escrowE9s(),
      c.refundAmountE9s(),
      c.paidOutE9s()
    };
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
