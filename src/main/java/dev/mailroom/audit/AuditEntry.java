package dev.mailroom.audit;

import java.time.Instant;
import java.util.List;

/** A stored audit entry as the API shows it. {@code repeatCount} > 1 means the same failure recurred until lastOccurredAt. */
public record AuditEntry(long id, AuditEvent event, AuditStatus status, String statusLabel, String message,
        Instant occurredAt, Instant lastOccurredAt, int repeatCount, Long serverId, String serverName, Long inboundEmailId,
        String messageId, String sender, String recipients, String subject, Long ticketId, String ticketDisplayId,
        boolean rawAvailable, List<TraceStep> trace) {
}
