package dev.market.server.store.jdbc;

import static dev.market.server.store.jdbc.NamedSql.sql;

import dev.market.protocol.model.Review;
import dev.market.server.domain.money.ReviewRepository;
import java.sql.Connection;
import java.util.Optional;

/** The reviews table. */
final class JdbcReviews implements ReviewRepository {
  private final Connection c;

  JdbcReviews(Connection c) {
    this.c = c;
  }

  @Override
  public boolean insert(Review r, String renterPubkey) {
    if (!insertRow(r, renterPubkey)) {
      return false;
    }
    // the provider's running totals move in the same transaction as the review they count
    sql("INSERT INTO provider_ratings (provider_pubkey, rating_count, rating_sum)"
            + " VALUES (:provider, 1, :rating) ON CONFLICT (provider_pubkey) DO UPDATE SET"
            + " rating_count = provider_ratings.rating_count + 1,"
            + " rating_sum = provider_ratings.rating_sum + excluded.rating_sum")
        .bind("provider", r.providerPubkey())
        .bind("rating", r.rating())
        .update(c);
    return true;
  }

  private boolean insertRow(Review r, String renterPubkey) {
    return sql("INSERT INTO reviews (contract_id, provider_pubkey, renter_pubkey, rating,"
                + " review_comment, created_at_ns) VALUES (:id, :provider, :renter, :rating,"
                + " :comment, :at) ON CONFLICT (contract_id) DO NOTHING")
            .bind("id", r.contractId())
            .bind("provider", r.providerPubkey())
            .bind("renter", renterPubkey)
            .bind("rating", r.rating())
            .bind("comment", r.comment())
            .bind("at", r.createdAtNs())
            .update(c)
        == 1;
  }

  @Override
  public Optional<Review> find(String contractId) {
    return sql("SELECT contract_id, provider_pubkey, rating, review_comment, created_at_ns"
            + " FROM reviews WHERE contract_id = :id")
        .bind("id", contractId)
        .one(
            c,
            rs ->
                new Review(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getLong(5)));
  }
}
