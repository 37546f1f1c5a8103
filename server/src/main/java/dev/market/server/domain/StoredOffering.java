package dev.market.server.domain;

import dev.market.protocol.model.Offering;

/**
 * An offering with the values the store derives for exact filtering: the price in e9s and the sizes
 * in GB parsed from their display strings.
 */
public record StoredOffering(
    Offering offering,
    long monthlyPriceE9s,
    Long setupFeeE9s,
    Long memoryGb,
    Long ssdGb,
    Long hddGb,
    Integer trustScore,
    long createdAtNs) {}
