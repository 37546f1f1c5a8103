package dev.market.server.domain;

/**
 * An account: a username and an e-mail address for one signing key (docs/protocol.md section 4.23).
 *
 * @param id 32 hex characters
 * @param keyId the id of the account's one key, 32 hex characters
 */
public record Account(
    String id,
    String username,
    String email,
    boolean emailVerified,
    String pubkey,
    String keyId,
    long createdAtNs,
    long updatedAtNs) {}
