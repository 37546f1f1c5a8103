package dev.market.server.domain;

/** A notification to one user; times are Unix seconds, {@code readAt} null while unread. */
public record Notification(
    long id,
    String userPubkey,
    String type,
    String title,
    String body,
    String contractId,
    Long readAt,
    long createdAt) {}
