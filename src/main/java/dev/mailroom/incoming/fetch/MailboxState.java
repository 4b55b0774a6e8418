package dev.mailroom.incoming.fetch;

import java.time.Instant;

/**
 * Where fetching of one mailbox stands. {@code failureAuditId} is the audit entry of the current run of failures,
 * on which repeats of the same failure are counted.
 */
public record MailboxState(long serverId, Long uidValidity, long lastUid, Instant lastPollAt, Instant lastSuccessAt,
        String lastError, Instant lastErrorAt, int consecutiveFailures, Long failureAuditId, int backlog,
        String remoteCursor) {

    static MailboxState fresh(long serverId) {
        return new MailboxState(serverId, null, 0, null, null, null, null, 0, null, 0, null);
    }

    MailboxState withPosition(Long uidValidity, long lastUid) {
        return new MailboxState(serverId, uidValidity, lastUid, lastPollAt, lastSuccessAt, lastError, lastErrorAt,
                consecutiveFailures, failureAuditId, backlog, remoteCursor);
    }

    MailboxState succeeded(Instant at, int backlog) {
        return new MailboxState(serverId, uidValidity, lastUid, at, at, lastError, lastErrorAt, 0, null, backlog,
                remoteCursor);
    }

    MailboxState failed(Instant at, String error, Long failureAuditId) {
        return new MailboxState(serverId, uidValidity, lastUid, at, lastSuccessAt, error, at, consecutiveFailures + 1,
                failureAuditId, backlog, remoteCursor);
    }
}
