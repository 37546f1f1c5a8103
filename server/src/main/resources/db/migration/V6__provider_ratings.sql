-- Each provider's review count and rating sum (issue 10: offerings carry their provider's rating,
-- search filters and sorts on it). Kept in the transaction that stores a review, so listing joins
-- one row per provider by its key instead of aggregating every review on every request. The sum
-- stays an integer: filters compare sum against bound x count exactly, nothing is a float.
CREATE TABLE provider_ratings (
  provider_pubkey TEXT PRIMARY KEY,
  rating_count BIGINT NOT NULL,
  rating_sum BIGINT NOT NULL,
  CONSTRAINT provider_ratings_count_positive CHECK (rating_count > 0),
  CONSTRAINT provider_ratings_sum_range CHECK (rating_sum BETWEEN rating_count AND 5 * rating_count)
);

INSERT INTO provider_ratings (provider_pubkey, rating_count, rating_sum)
  SELECT provider_pubkey, COUNT(*), SUM(rating) FROM reviews GROUP BY provider_pubkey;
