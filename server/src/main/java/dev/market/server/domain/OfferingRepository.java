package dev.market.server.domain;

import java.util.List;
import java.util.Optional;

/** Offerings: published once, read by id, by provider and by search. */
public interface OfferingRepository {

  Optional<Offering> byId(long id);

  /**
   * What a rent needs of an offering, with its provider's auto-accept setting: one lean statement
   * on the rent path instead of the whole offering and a second for the setting (issue 11).
   */
  record ForRent(
      long id,
      String pubkey,
      String offeringId,
      String offerName,
      String currency,
      long monthlyPriceE9s,
      Long minContractHours,
      Long maxContractHours,
      boolean draft,
      boolean autoAccept) {}

  Optional<ForRent> forRent(long id);

  /** Public, non-draft offerings matching {@code search}, in listing order. */
  List<Offering> search(OfferingSearch search);

  List<Offering> ofProvider(String pubkey);

  /** Stores a new offering; empty when the provider already has one with that offering_id. */
  Optional<Long> insert(Offering offering);

  /** Replaces every stored value of offering {@code o.id()} (its provider never changes). */
  void update(Offering o);

  void delete(long id);

  /** The status of every contract made on offering {@code id}, as stored. */
  List<String> contractStatuses(long id);

  long count();
}
