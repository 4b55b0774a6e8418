package dev.mailroom.audit;

/**
 * The statuses the FAQ names, plus the mailbox connection outcomes (the FAQ sends admins to Email Audit for
 * "fetch logs"), the end of a database outage (fetching and sending stood still meanwhile), the loop breaker's
 * quarantines of a sender or ticket thread, an admin discarding an email the intake could not finish, and the
 * warnings before a server's OAuth 2.0 sign-in breaks, and a notification waiting to be tried again
 * ({@link #SEND_DEFERRED}, the one OUTGOING status that is not final). Screens show
 * {@link #label()}: the FAQ writes "RECEIVED IGNORED" where the value is RECEIVED_IGNORED.
 */
public enum AuditStatus {
    RECEIVED(AuditEvent.INCOMING),
    PROCESSED(AuditEvent.INCOMING),
    PROCESSED_FAILED(AuditEvent.INCOMING),
    RECEIVED_IGNORED(AuditEvent.INCOMING),
    ATTACHMENT_PROCESSED_FAILED(AuditEvent.INCOMING),
    FETCH_FAILED(AuditEvent.INCOMING),
    FETCH_RECOVERED(AuditEvent.INCOMING),
    /** A mailbox on OAuth 2.0 that will stop fetching unless an admin acts (token unused long, secret expiring). */
    FETCH_WARNING(AuditEvent.INCOMING),
    DATABASE_RECOVERED(AuditEvent.INCOMING),
    LOOP_QUARANTINED(AuditEvent.INCOMING),
    LOOP_RELEASED(AuditEvent.INCOMING),
    DISCARDED(AuditEvent.INCOMING),
    SENT(AuditEvent.OUTGOING),
    SEND_FAILED(AuditEvent.OUTGOING),
    SEND_IGNORED(AuditEvent.OUTGOING),
    /**
     * Not final: an attempt failed in a way that may pass (connection refused, timeout, 4xx), the recipients stay
     * pending and are tried again. One entry per email and run of failures, later failures counted on it
     * ({@code repeatCount}); each recipient still ends SENT, SEND_FAILED or SEND_IGNORED.
     */
    SEND_DEFERRED(AuditEvent.OUTGOING),
    /** An outgoing server on OAuth 2.0 that will stop sending unless an admin acts. */
    SEND_WARNING(AuditEvent.OUTGOING);

    private final AuditEvent event;

    AuditStatus(AuditEvent event) {
        this.event = event;
    }

    public AuditEvent event() {
        return event;
    }

    /** Whether an email (or a recipient) ends with this status; SEND_DEFERRED is followed by one that does. */
    public boolean isFinal() {
        return this != SEND_DEFERRED;
    }

    public String label() {
        return name().replace('_', ' ');
    }
}
