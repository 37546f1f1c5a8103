package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

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
    Long createdAt) {}
