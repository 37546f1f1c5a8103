package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A renter's review of an ended rental ({@code /contracts/{id}/feedback}).
 *
 * @param rating 1 to 5
 * @param comment optional, at most 1000 characters
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Review(
    String contractId, String providerPubkey, Integer rating, String comment, Long createdAtNs) {}
