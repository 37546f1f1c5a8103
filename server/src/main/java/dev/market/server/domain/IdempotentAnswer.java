package dev.market.server.domain;

/** What a claimed idempotency key recorded: the request's hash and the first answer. */
public record IdempotentAnswer(
    String requestHash, String contractId, Integer responseStatus, String responseBody) {}
