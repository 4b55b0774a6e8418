package dev.mailroom.audit;

import java.time.Instant;
import java.util.List;

/**
 * The Email Audit's filters, all optional. Text filters (sender, recipient, subject) match a case-insensitive
 * substring; messageId matches exactly, with or without angle brackets; ticket is an id or a display id.
 */
public record AuditQuery(AuditEvent event, List<AuditStatus> statuses, Long serverId, Instant from, Instant to,
        String sender, String recipient, String subject, String messageId, String ticket) {

    public static AuditQuery all() {
        return new AuditQuery(null, List.of(), null, null, null, null, null, null, null, null);
    }
}
