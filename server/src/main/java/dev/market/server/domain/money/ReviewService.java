package dev.market.server.domain.money;

import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.Review;
import dev.market.protocol.text.TerminalText;
import dev.market.server.domain.Contract;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.MarketStore;
import dev.market.server.domain.validation.Limits;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reviews (Decent Cloud's {@code /contracts/:id/feedback}, with a 1-5 rating and a comment instead
 * of its two yes/no questions): once per rental, by its renter, after it ended having been
 * delivered (completed, or cancelled after it was provisioned).
 */
public final class ReviewService {
  public static final int COMMENT_CHARS = 1_000;

  private final MarketStore store;
  private final Clock clock;

  public ReviewService(MarketStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Review submit(String signer, String contractId, Integer rating, String comment) {
    if (rating == null) {
      throw DomainException.invalid("rating", "is required (1 to 5)");
    }
    if (rating < 1 || rating > 5) {
      throw DomainException.invalid("rating", "must be 1 to 5, got " + rating);
    }
    Limits.checkChars("comment", comment, COMMENT_CHARS);
    if (comment != null && comment.codePoints().anyMatch(ReviewService::unsafe)) {
      throw DomainException.invalid(
          "comment", "must not contain control or format characters (line breaks and tabs pass)");
    }
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    return store.write(
        tx -> {
          Contract c = TermService.asRenter(tx, signer, contractId, "review");
          ContractStatus s = c.statusValue();
          boolean delivered = c.provisionedAtNs() != null;
          if (!(s == ContractStatus.COMPLETED || (s == ContractStatus.CANCELLED && delivered))) {
            throw DomainException.invalidTransition(
                "invalid transition: contract is "
                    + c.status()
                    + "; a rental can be reviewed once it ended after being provisioned");
          }
          Instant now = clock.instant();
          Review r =
              new Review(
                  c.contractId(),
                  c.providerPubkey(),
                  rating,
                  text,
                  now.getEpochSecond() * LedgerService.E9 + now.getNano());
          if (!tx.reviews().insert(r, signer)) {
            throw DomainException.conflict("this rental was already reviewed");
          }
          return r;
        });
  }

  private static boolean unsafe(int cp) {
    return cp != '\n' && cp != '\t' && TerminalText.isUnsafe(cp);
  }

  /** The review of a rental, for its renter or provider; empty when there is none. */
  public Optional<Review> find(String signer, String contractId) {
    return store.read(
        tx -> {
          Contract c = TermService.party(tx, signer, contractId);
          return tx.reviews().find(c.contractId());
        });
  }
}
