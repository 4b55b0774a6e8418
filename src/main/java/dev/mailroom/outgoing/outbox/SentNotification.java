package dev.mailroom.outgoing.outbox;

import java.time.Instant;

/**
 * An email Mailroom sent (or queued), as found again by its Message-ID, e.g. in a bounce that returns it, or by a
 * recipient it went to.
 *
 * @param sentAt when it was sent (when its last recipient was done), or queued while it is not done yet
 */
public record SentNotification(long outboxId, OutboundKind kind, Long ticketId, Long outgoingServerId, String subject,
        String messageId, Instant sentAt) {
}
