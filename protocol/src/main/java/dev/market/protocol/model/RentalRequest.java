package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /contracts} (docs/protocol.md section 4), snake case on the wire.
 *
 * @param offeringDbId the offering's numeric {@code id}
 * @param sshPubkey one OpenSSH public key line
 * @param paymentMethod {@code wallet}, {@code stripe} or {@code test}
 * @param durationHours {@code null} for the server default (720)
 * @param autoRenew renew for the same number of hours at the end while the wallet covers it; {@code
 *     null} is off
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RentalRequest(
    @JsonProperty("offering_db_id") Long offeringDbId,
    @JsonProperty("ssh_pubkey") String sshPubkey,
    @JsonProperty("payment_method") String paymentMethod,
    @JsonProperty("duration_hours") Long durationHours,
    @JsonProperty("contact_method") String contactMethod,
    @JsonProperty("request_memo") String requestMemo,
    @JsonProperty("operating_system") String operatingSystem,
    @JsonProperty("buyer_address") String buyerAddress,
    @JsonProperty("auto_renew") Boolean autoRenew) {

  /** A request without auto-renew. */
  public RentalRequest(
      Long offeringDbId,
      String sshPubkey,
      String paymentMethod,
      Long durationHours,
      String contactMethod,
      String requestMemo,
      String operatingSystem,
      String buyerAddress) {
    this(
        offeringDbId,
        sshPubkey,
        paymentMethod,
        durationHours,
        contactMethod,
        requestMemo,
        operatingSystem,
        buyerAddress,
        null);
  }
}
