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
