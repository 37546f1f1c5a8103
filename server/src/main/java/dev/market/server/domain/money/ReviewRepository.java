package dev.market.server.domain.money;

import dev.market.protocol.model.Review;
import java.util.Optional;

/** One review per rental. */
public interface ReviewRepository {

  /**
   * Stores a review and adds it to its provider's rating totals, in the caller's transaction; false
   * (and nothing changed) when the rental already has one.
   */
  boolean insert(Review review, String renterPubkey);

  Optional<Review> find(String contractId);
}
