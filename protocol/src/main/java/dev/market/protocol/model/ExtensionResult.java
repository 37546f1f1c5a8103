package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to {@code POST /contracts/{id}/extend}, Decent Cloud's shape. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtensionResult(Long extensionPaymentE9s, Long newEndTimestampNs, String message) {}
