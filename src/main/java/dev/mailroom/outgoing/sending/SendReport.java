package dev.mailroom.outgoing.sending;

import java.util.ArrayList;
import java.util.List;

import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.TraceStep;

/**
 * What one attempt at an outbox email decided: a final outcome for some recipients (SENT, SEND_FAILED,
 * SEND_IGNORED), a temporary failure that keeps the others pending, and the steps taken, for the audit trace.
 */
final class SendReport {

    /** A recipient's final outcome: its row state, audit status and message. */
    record Outcome(QueuedRecipient recipient, String state, AuditStatus status, String message) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<TraceStep> trace = new ArrayList<>();
    private String temporaryFailure;
    private String emptyRecipientList;
    private boolean attempted;
    private boolean serverAccepted;
    private String serverFailure;

    void sent(QueuedRecipient recipient, String message) {
        outcomes.add(new Outcome(recipient, "SENT", AuditStatus.SENT, message));
    }

    void failed(QueuedRecipient recipient, String message) {
        outcomes.add(new Outcome(recipient, "FAILED", AuditStatus.SEND_FAILED, message));
    }

    void ignored(QueuedRecipient recipient, String message) {
        outcomes.add(new Outcome(recipient, "IGNORED", AuditStatus.SEND_IGNORED, message));
    }

    /** Recipients without an outcome stay pending and are tried again later. */
    void temporaryFailure(String description) {
        temporaryFailure = description;
    }

    /** The email has no recipients at all: one SEND_FAILED entry for the email itself. */
    void emptyRecipientList(String message) {
        emptyRecipientList = message;
    }

    /** The server was asked (or was tried), so this counts as an attempt. */
    void attempted() {
        attempted = true;
    }

    /** The server took the message for at least one recipient: it works. */
    void serverAccepted() {
        serverAccepted = true;
    }

    /** The server (or the way to it) failed the whole message: connecting, signing in, or a refusal of the message. */
    void serverFailed(String description) {
        serverFailure = description;
    }

    boolean wasAcceptedByServer() {
        return serverAccepted;
    }

    String serverFailure() {
        return serverFailure;
    }

    void step(String stage, String verdict, String detail) {
        trace.add(new TraceStep(stage, verdict, detail));
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    List<TraceStep> trace() {
        return trace;
    }

    String temporaryFailure() {
        return temporaryFailure;
    }

    String emptyRecipientList() {
        return emptyRecipientList;
    }

    boolean wasAttempted() {
        return attempted;
    }

    boolean decided(QueuedRecipient recipient) {
        return outcomes.stream().anyMatch(outcome -> outcome.recipient().sortOrder() == recipient.sortOrder());
    }
}
