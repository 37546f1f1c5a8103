package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code POST /accounts}, Decent Cloud's {@code RegisterAccountRequest}
 * (api/src/openapi/common.rs:300-307 at 13dda9de): camel case, every field required.
 *
 * @param publicKey the signing key, hex; must be the request's {@code X-Public-Key}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountRegistration(String username, String publicKey, String email) {}
