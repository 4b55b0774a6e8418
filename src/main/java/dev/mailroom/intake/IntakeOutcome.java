package dev.mailroom.intake;

import java.util.List;

import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.TraceStep;

/** Where an email ended: its one final status and message, the ticket it made or joined, and every stage's verdict. */
public record IntakeOutcome(AuditStatus status, String message, Long ticketId, String ticketDisplayId,
        List<TraceStep> trace) {

    public IntakeOutcome {
        trace = List.copyOf(trace);
    }
}
