package dev.mailroom.outgoing.outbox;

/** An email Mailroom sent (or queued), as found again by its Message-ID, e.g. in a bounce that returns it. */
public record SentNotification(long outboxId, OutboundKind kind, Long ticketId, Long outgoingServerId, String subject,
        String messageId) {
}
