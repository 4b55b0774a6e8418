package dev.mailroom.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a feature reports to the audit: start with {@link #of(AuditStatus)}, add what is known, then
 * {@link AuditLog#record(NewAuditEntry)}. Only the status is required. Never put a secret in any field.
 */
public final class NewAuditEntry {

    final AuditStatus status;
    String message;
    Instant occurredAt;
    Long serverId;
    String serverName;
    Long inboundEmailId;
    String messageId;
    String sender;
    String recipients;
    String subject;
    Long ticketId;
    String ticketDisplayId;
    String rawBlobKey;
    final List<TraceStep> trace = new ArrayList<>();

    private NewAuditEntry(AuditStatus status) {
        this.status = status;
    }

    public static NewAuditEntry of(AuditStatus status) {
        return new NewAuditEntry(status);
    }

    public NewAuditEntry message(String message) {
        this.message = message;
        return this;
    }

    public NewAuditEntry occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public NewAuditEntry server(Long serverId, String serverName) {
        this.serverId = serverId;
        this.serverName = serverName;
        return this;
    }

    public NewAuditEntry inboundEmail(Long inboundEmailId, String rawBlobKey) {
        this.inboundEmailId = inboundEmailId;
        this.rawBlobKey = rawBlobKey;
        return this;
    }

    public NewAuditEntry email(String messageId, String sender, String recipients, String subject) {
        this.messageId = messageId;
        this.sender = sender;
        this.recipients = recipients;
        this.subject = subject;
        return this;
    }

    public NewAuditEntry ticket(Long ticketId, String ticketDisplayId) {
        this.ticketId = ticketId;
        this.ticketDisplayId = ticketDisplayId;
        return this;
    }

    public NewAuditEntry trace(List<TraceStep> steps) {
        this.trace.addAll(steps);
        return this;
    }

    public NewAuditEntry step(String stage, String verdict, String detail) {
        this.trace.add(new TraceStep(stage, verdict, detail));
        return this;
    }

    public AuditStatus status() {
        return status;
    }
}
