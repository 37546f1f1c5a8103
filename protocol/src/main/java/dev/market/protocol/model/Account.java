package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An account ({@code POST /accounts}, {@code GET /accounts?publicKey=}, {@code GET
 * /accounts/{username}}), in Decent Cloud's shape {@code AccountWithKeys}: camel case, times in
 * nanoseconds (api/src/database/accounts.rs:49-77 at 13dda9de).
 *
 * @param id the account's id, hex
 * @param username unique case-insensitively, case kept as registered
 * @param createdAt Unix nanoseconds
 * @param publicKeys the keys that sign for this account (one on our server)
 * @param emailVerified whether the owner opened the verification link sent to {@code email}
 * @param email the address; our server shows it only to a request signed by the account's own key,
 *     Decent Cloud to anyone
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Account(
    String id,
    String username,
    Long createdAt,
    Long updatedAt,
    List<AccountKey> publicKeys,
    Boolean isAdmin,
    Boolean emailVerified,
    String email) {

  /** Whether the e-mail address is verified; false when the server did not say. */
  public boolean verified() {
    return Boolean.TRUE.equals(emailVerified);
  }

  /**
   * One key of an account (Decent Cloud's {@code PublicKeyInfo}).
   *
   * @param publicKey hex
   * @param addedAt Unix nanoseconds
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AccountKey(String id, String publicKey, Long addedAt, Boolean isActive) {}
}
