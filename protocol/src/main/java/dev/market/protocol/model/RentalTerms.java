package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a rental has paid for ({@code GET /contracts/{id}/terms}, and the answer to {@code PUT
 * /contracts/{id}/auto-renew}).
 *
 * @param escrowE9s what the marketplace holds for this rental now (0 once settled)
 * @param termHours what one auto-renewal buys
 * @param periodStartNs the start of the paid period: the request, or the last renewal
 * @param endTimestampNs the end of the paid period
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RentalTerms(
    String contractId,
    Boolean autoRenew,
    Long termHours,
    Long periodStartNs,
    Long endTimestampNs,
    Long escrowE9s,
    Integer renewals) {}
