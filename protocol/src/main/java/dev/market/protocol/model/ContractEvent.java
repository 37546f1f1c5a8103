package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a contract's history (docs/protocol.md section 5), camelCase on the wire.
 *
 * @param eventType {@code status_change}, {@code provisioned}, ...
 * @param actor {@code tenant}, {@code provider} or {@code system}
 * @param createdAt Unix nanoseconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContractEvent(
    Long id,
    String contractId,
    String eventType,
    String oldStatus,
    String newStatus,
    String actor,
    String details,
    Long createdAt) {}
