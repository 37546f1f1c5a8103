package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.protocol.json.Json;

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

  /**
   * {@code detailsJson} (the {@code instanceDetails} string a provider sends) split into the JSON
   * without {@code root_password}, every other member kept as sent, and the secret itself.
   *
   * @param rootPassword null when the provider sent none
   */
  public record SecretSplit(String withoutSecret, String rootPassword) {
    @Override
    public String toString() {
      return "SecretSplit[withoutSecret=%s, rootPassword=%s]"
          .formatted(withoutSecret, rootPassword == null ? null : "***");
    }
  }

  /** Why an {@code instanceDetails} string could not be split; {@code field} is its wire path. */
  public static final class MalformedDetails extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    MalformedDetails(String field, String reason, Throwable cause) {
      super(field + ": " + reason, cause);
      this.field = field;
      this.reason = reason;
    }

    public String field() {
      return field;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * Splits the secret off an {@code instanceDetails} JSON string.
   *
   * @throws MalformedDetails naming the field when it is not a JSON object or its {@code
   *     root_password} is not a string
   */
  public static SecretSplit splitSecret(String detailsJson) {
    JsonNode parsed;
    try {
      parsed = Json.mapper().readTree(detailsJson);
    } catch (JsonProcessingException e) {
      throw new MalformedDetails("instanceDetails", "must be a JSON object string", e);
    }
    if (parsed == null || !parsed.isObject()) {
      throw new MalformedDetails("instanceDetails", "must be a JSON object string", null);
    }
    JsonNode pw = ((ObjectNode) parsed).remove("root_password");
    String rootPassword = null;
    if (pw != null && !pw.isNull()) {
      if (!pw.isTextual()) {
        throw new MalformedDetails("instanceDetails.root_password", "must be a string", null);
      }
      rootPassword = pw.textValue();
    }
    try {
      return new SecretSplit(Json.mapper().writeValueAsString(parsed), rootPassword);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
