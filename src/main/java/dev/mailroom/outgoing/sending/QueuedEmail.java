package dev.mailroom.outgoing.sending;

import java.time.Instant;
import java.util.List;

import dev.mailroom.outgoing.outbox.OutboundKind;

/**
 * An outbox email as the sender reads it after claiming it: content, recipients with their states, attachments, and
 * the SEND_DEFERRED audit entry of its current run of temporary failures (none while it has not failed).
 */
record QueuedEmail(long id, OutboundKind kind, Long ticketId, Long incomingServerId, Long outgoingServerId,
        String messageId, String inReplyTo, String references, String subject, String bodyText, String bodyHtml,
        boolean automatic, int attempts, Instant createdAt, Instant retrySince, List<QueuedRecipient> recipients,
        List<Long> attachmentIds, Long deferredAuditId) {

    List<QueuedRecipient> pendingRecipients() {
        return recipients.stream().filter(QueuedRecipient::pending).toList();
    }

    /** Where the current retry window began: creation, or the admin's last retry. */
    Instant retryWindowStart() {
        return retrySince == null ? createdAt : retrySince;
    }
}
