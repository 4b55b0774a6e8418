package dev.mailroom.outgoing.outbox;

import java.time.Instant;
import java.util.List;

/**
 * An outbox email as the admin sees it: where it stands (PENDING, SENDING, DONE), each recipient's state, the attempts
 * made, the last error and when the next attempt is due. Bodies are left out; the audit tells what was sent.
 */
public record OutboxEmailView(long id, String kind, String state, String messageId, String subject, Long ticketId,
        Long incomingServerId, Long outgoingServerId, boolean automatic, int attempts, String lastError,
        Instant nextAttemptAt, Instant createdAt, Instant retrySince, Instant finishedAt, List<Recipient> recipients,
        List<Long> attachmentIds) {

    /** One recipient: TO or CC, and PENDING, SENT, FAILED (with why) or IGNORED (with why). */
    public record Recipient(String kind, String address, String state, String detail) {
    }
}
