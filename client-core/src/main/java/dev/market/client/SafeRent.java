package dev.market.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.error.InsufficientFundsException;
import dev.market.client.error.MarketException;
import dev.market.client.error.OutcomeUnknownException;
import dev.market.client.error.UnavailableException;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.Envelopes;
import dev.market.client.internal.Ids;
import dev.market.client.internal.RetryPolicy;
import dev.market.protocol.error.ErrorCode;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code POST /contracts} without ever renting twice, whatever the server. Our server honours
 * {@code Idempotency-Key} and says so in {@code GET /health} ({@code "idempotencyKeys": true});
 * Decent Cloud ignores the header and hashes the contract id from the creation time
 * (api/src/database/contracts/rental.rs:132-143 at 13dda9de), so a repeated POST there is a second,
 * charged rental.
 *
 * <p>The first attempt is repeated only when the server certainly did not act (connect failure,
 * 429). When its outcome is unknown (timeout, reset, 502/503/504 after the body was sent) the
 * client asks the server whether it honours the key: if so it repeats the request with the same
 * key; if not it looks for the rental among the renter's own newest contracts (same offering, SSH
 * key and memo, created since the attempt) and returns the one it finds, or throws {@link
 * OutcomeUnknownException} saying so.
 */
final class SafeRent {
  /**
   * How far before the attempt a found contract may have been created, for clocks that differ. Kept
   * short on purpose: a clock further off makes the search miss (exit 5, "unknown": safe), while a
   * longer window could take an earlier identical rental for this one.
   */
  static final Duration CLOCK_SLACK = Duration.ofSeconds(60);

  private final Api api;
  private final Clock clock;
  private final RentalService rentals;

  SafeRent(Api api, Clock clock, RentalService rentals) {
    this.api = api;
    this.clock = clock;
    this.rentals = rentals;
  }

  /** Sends {@code call} (the rent) as described above; {@code read} decodes the envelope. */
  Outcome<RentalCreated> rent(
      String op,
      RentalRequest request,
      ApiRequest call,
      RequestOptions options,
      Function<ObjectNode, RentalCreated> read) {
    Instant started = clock.instant();
    try {
      return api.call(with(call, RetryPolicy.Kind.AT_MOST_ONCE), options, read);
    } catch (OutcomeUnknownException lost) {
      Boolean honours = honoursIdempotencyKeys();
      if (honours == null) {
        throw new OutcomeUnknownException(
            op,
            lost.status(),
            lost.serverMessage()
                + "; the marketplace did not answer a check afterwards either, so the rent was"
                + " neither repeated nor looked for",
            List.of(),
            lost);
      }
      if (honours) {
        return api.call(with(call, RetryPolicy.Kind.IDEMPOTENT_WITH_KEY), options, read);
      }
      Contract found = recover(op, request, started, lost);
      return new Outcome.Sent<>(
          new RentalCreated(
              found.contractId(),
              "the answer was lost; found the rental among your newest contracts"));
    }
  }

  private static ApiRequest with(ApiRequest c, RetryPolicy.Kind kind) {
    return new ApiRequest(
        c.operation(),
        c.method(),
        c.pathSegments(),
        c.query(),
        c.body(),
        c.signed(),
        kind,
        c.idempotencyKey());
  }

  /**
   * Whether {@code GET /health} says the server answers a repeated key with the first answer;
   * {@code null} when the marketplace does not answer (one attempt: it just failed to answer the
   * rent, so a probe that waits out more retries would only delay the report).
   */
  Boolean honoursIdempotencyKeys() {
    ApiRequest probe =
        new ApiRequest(
            "check idempotency support",
            "GET",
            List.of("health"),
            List.of(),
            null,
            false,
            RetryPolicy.Kind.NON_IDEMPOTENT,
            null);
    try {
      return api.call(
              probe, RequestOptions.DEFAULT, env -> env.path("idempotencyKeys").asBoolean(false))
          .value();
    } catch (UnavailableException e) {
      return null;
    } catch (MarketException e) {
      return false; // an answer without a yes is a no: never repeat on a guess
    }
  }

  private Contract recover(
      String op, RentalRequest request, Instant started, OutcomeUnknownException lost) {
    String why =
        lost.serverMessage()
            + "; this marketplace does not honour Idempotency-Key, so the rent was not repeated";
    List<Contract> matches;
    try {
      String getOp = "get offering " + request.offeringDbId();
      Offering offering =
          api.call(
                  new ApiRequest(
                      getOp,
                      "GET",
                      List.of("offerings", Long.toString(request.offeringDbId())),
                      List.of(),
                      null,
                      true,
                      RetryPolicy.Kind.IDEMPOTENT,
                      null),
                  RequestOptions.DEFAULT,
                  env -> Envelopes.data(env, getOp, Offering.class))
              .value();
      // Decent Cloud stores "Rental request for <name>" when no memo is sent
      // (api/src/database/contracts/rental.rs:69-71)
      String memo =
          request.requestMemo() != null
              ? request.requestMemo()
              : "Rental request for " + offering.offerName();
      long since = nanos(started.minus(CLOCK_SLACK));
      matches =
          rentals.list().stream()
              .filter(c -> Objects.equals(c.offeringId(), offering.offeringId()))
              .filter(
                  c ->
                      offering.pubkey() == null
                          || offering.pubkey().equalsIgnoreCase(c.providerPubkey()))
              .filter(c -> same(c.requesterSshPubkey(), request.sshPubkey()))
              .filter(c -> Objects.equals(c.requestMemo(), memo))
              .filter(c -> c.createdAtNs() != null && c.createdAtNs() >= since)
              .toList();
    } catch (MarketException e) {
      throw new OutcomeUnknownException(
          op,
          lost.status(),
          why + ", and looking for the rental failed too (" + e.getMessage() + ")",
          List.of(),
          lost);
    }
    if (matches.size() == 1) {
      Contract c = matches.get(0);
      if (ContractStatus.parse(c.status()) == ContractStatus.CANCELLED
          && !"succeeded".equalsIgnoreCase(c.paymentStatus())) {
        // Decent Cloud cancels a rental its wallet debit failed for and answers "Insufficient
        // wallet balance" (api/src/openapi/contracts.rs:733-747): that was the lost answer
        throw new InsufficientFundsException(
            op,
            lost.status(),
            ErrorCode.INSUFFICIENT_FUNDS.wire(),
            "the answer was lost; the rental "
                + Ids.abbreviate(c.contractId())
                + " was found cancelled unpaid, as Decent Cloud leaves one the wallet could not"
                + " pay for",
            lost);
      }
      return c;
    }
    if (matches.isEmpty()) {
      throw new OutcomeUnknownException(
          op, lost.status(), why + "; no matching rental was found yet", List.of(), lost);
    }
    throw new OutcomeUnknownException(
        op,
        lost.status(),
        why
            + "; "
            + matches.size()
            + " recent rentals match it: "
            + String.join(", ", matches.stream().map(c -> Ids.abbreviate(c.contractId())).toList()),
        matches.stream().map(Contract::contractId).toList(),
        lost);
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && a.strip().equals(b.strip());
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
