package dev.market.server.domain.money;

import dev.market.protocol.model.ContractStatus;
import java.util.List;
import java.util.Optional;

/** Rental terms, and the two contract changes money makes: a longer end and a larger price. */
public interface TermRepository {

  void insert(Term term, long atNs);

  /** The numeric id of the offering a contract rents. */
  long offeringDbId(String contractId);

  Optional<Term> find(String contractId);

  void setAutoRenew(String contractId, boolean on, long atNs);

  /** Starts a new paid period at {@code periodStartNs} and counts the renewal. */
  void renewed(String contractId, long periodStartNs, long atNs);

  /**
   * Moves a contract's end by {@code hours} and adds {@code priceE9s} to what it cost, only if it
   * still has this status and end (a concurrent change wins and this answers false).
   */
  boolean lengthen(
      String contractId,
      ContractStatus status,
      long endNs,
      long hours,
      long newEndNs,
      long priceE9s,
      long atNs);

  /** Ids of contracts in one of {@code statuses} that have not changed since {@code beforeNs}. */
  List<String> unchangedSince(List<ContractStatus> statuses, long beforeNs, int limit);
}
