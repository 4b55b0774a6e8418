package dev.mailroom.intake;

import dev.mailroom.audit.AuditStatus;

/**
 * What one stage decided: pass the email on, or end it with a final status and the FAQ's message. {@code detail}
 * says why, in words an admin understands; it goes into the trace either way.
 */
public record StageResult(AuditStatus status, String message, String detail, Long ticketId, String ticketDisplayId) {

    public static StageResult pass(String detail) {
        return new StageResult(null, null, detail, null, null);
    }

    public static StageResult ignored(String message, String detail) {
        return new StageResult(AuditStatus.RECEIVED_IGNORED, message, detail, null, null);
    }

    public static StageResult failed(String message, String detail) {
        return new StageResult(AuditStatus.PROCESSED_FAILED, message, detail, null, null);
    }

    public static StageResult processed(Long ticketId, String ticketDisplayId, String message, String detail) {
        return new StageResult(AuditStatus.PROCESSED, message, detail, ticketId, ticketDisplayId);
    }

    /** The same verdict, pointing to the ticket it concerns (e.g. the ticket an earlier copy of this email made). */
    public StageResult onTicket(Long ticketId, String ticketDisplayId) {
        return new StageResult(status, message, detail, ticketId, ticketDisplayId);
    }

    public boolean passes() {
        return status == null;
    }

    String verdict() {
        return passes() ? "pass" : status.name();
    }
}
