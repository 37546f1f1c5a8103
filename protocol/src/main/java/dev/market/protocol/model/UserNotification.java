package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.market.protocol.text.Secrets;

/**
 * An in-app notification (docs/protocol.md section 5), camelCase on the wire.
 *
 * @param readAt Unix seconds, {@code null} while unread
 * @param createdAt Unix seconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserNotification(
    Long id,
    String notificationType,
    String title,
    String body,
    String contractId,
    Long readAt,
    Long createdAt) {
  /** A body may quote a provider's free text: no password in it is ever shown. */
  public UserNotification {
    body = Secrets.redact(body);
  }

  /** A builder naming every value; absent ones stay null and are omitted on the wire. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link UserNotification} value by value. */
  public static final class Builder {
    private Long id;
    private String notificationType;
    private String title;
    private String body;
    private String contractId;
    private Long readAt;
    private Long createdAt;

    private Builder() {}

    public Builder id(Long id) {
      this.id = id;
      return this;
    }

    public Builder notificationType(String notificationType) {
      this.notificationType = notificationType;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder body(String body) {
      this.body = body;
      return this;
    }

    public Builder contractId(String contractId) {
      this.contractId = contractId;
      return this;
    }

    public Builder readAt(Long readAt) {
      this.readAt = readAt;
      return this;
    }

    public Builder createdAt(Long createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public UserNotification build() {
      return new UserNotification(id, notificationType, title, body, contractId, readAt, createdAt);
    }
  }
}
