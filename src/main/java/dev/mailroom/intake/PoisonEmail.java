package dev.mailroom.intake;

import java.time.Instant;

/**
 * An email the intake could not finish (PROCESSED FAILED): what it is, and why, from its newest audit entry —
 * {@code reason} is the detail of that entry's last trace step, e.g. the error that rolled the intake back.
 */
public record PoisonEmail(long id, long serverId, String serverName, String sender, String subject, String messageId,
        Instant receivedAt, Long auditEntryId, String message, String reason) {
}
