package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Connection details a provider reports with {@code provisioned} (docs/protocol.md section 7). Sent
 * as a JSON string in {@code instanceDetails}. {@code rootPassword} is the secret: the server
 * encrypts it to the renter and never returns it in the contract.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstanceDetails(
    @JsonProperty("ip_address") String ipAddress,
    @JsonProperty("ipv6_address") String ipv6Address,
    @JsonProperty("ssh_port") Integer sshPort,
    @JsonProperty("ssh_user") String sshUser,
    @JsonProperty("root_password") String rootPassword,
    @JsonProperty("additional_details") String additionalDetails) {

  /** A copy without the secret. */
  public InstanceDetails withoutSecret() {
    return new InstanceDetails(ipAddress, ipv6Address, sshPort, sshUser, null, additionalDetails);
  }

  @Override
  public String toString() {
    return "InstanceDetails[ipAddress=%s, ipv6Address=%s, sshPort=%s, sshUser=%s, rootPassword=%s, additionalDetails=%s]"
        .formatted(
            ipAddress,
            ipv6Address,
            sshPort,
            sshUser,
            rootPassword == null ? null : "***",
            additionalDetails);
  }
}
