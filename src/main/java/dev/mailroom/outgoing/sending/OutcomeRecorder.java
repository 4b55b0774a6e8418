package dev.mailroom.outgoing.sending;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.audit.TraceStep;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerRepository;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketRepository;

/**
 * Writes what an attempt decided, in one transaction and only while this node still holds the email: each
 * recipient's final state with its audit entry (one per recipient), then the email DONE, or PENDING again with its
 * backoff when some recipients failed temporarily. When the retry window is over, those become SEND_FAILED with the
 * last error.
 *
 * <p>A temporary failure is audited at once as SEND_DEFERRED (not final: the step, the server's answer and the next
 * attempt), one entry per email and run of failures; the later failures of that run are counted on it. After the
 * transaction the server's last send outcome is stored, so the server lists say "failing" within seconds.
 */
@Component
class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final DateTimeFormatter NEXT_ATTEMPT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The claim was taken over (the lease ran out); everything of this attempt is rolled back. */
    static final class ClaimLost extends RuntimeException {
        ClaimLost(long id) {
            super("Outbox email " + id + " is no longer held by this node");
        }
    }

    private final OutboxQueue queue;
    private final AuditLog audit;
    private final TicketRepository tickets;
    private final SendingProperties properties;
    private final TransactionTemplate transaction;
    private final OutgoingServerRepository servers;

    OutcomeRecorder(OutboxQueue queue, AuditLog audit, TicketRepository tickets, SendingProperties properties,
            TransactionTemplate transaction, OutgoingServerRepository servers) {
        this.queue = queue;
        this.audit = audit;
        this.tickets = tickets;
        this.properties = properties;
        this.transaction = transaction;
        this.servers = servers;
    }

    void record(QueuedEmail email, OutgoingServer server, SendReport report, String node) {
        transaction.executeWithoutResult(status -> write(email, server, report, node));
        recordServerOutcome(server, report);
    }

    /**
     * The server's last send outcome, on its own (a lost update of it is harmless, and it locks the server's row only
     * for this statement, not for the outcome's transaction).
     */
    private void recordServerOutcome(OutgoingServer server, SendReport report) {
        if (server == null || (!report.wasAcceptedByServer() && report.serverFailure() == null)) {
            return;
        }
        try {
            if (report.wasAcceptedByServer()) {
                servers.recordSent(server.id(), SqlTime.now());
            } else {
                servers.recordSendFailure(server.id(), report.serverFailure(), SqlTime.now());
            }
        } catch (RuntimeException e) {
            log.warn("The last send outcome of outgoing server '{}' could not be stored: {}", server.name(), e.toString());
        }
    }

    private void write(QueuedEmail email, OutgoingServer server, SendReport report, String node) {
        Instant now = SqlTime.now();
        int attempts = email.attempts() + (report.wasAttempted() ? 1 : 0);
        List<QueuedRecipient> undecided = email.pendingRecipients().stream().filter(r -> !report.decided(r)).toList();
        String temporary = report.temporaryFailure() == null ? "Not sent yet" : report.temporaryFailure();
        boolean retry = false;
        if (!undecided.isEmpty()) {
            if (now.isBefore(email.retryWindowStart().plus(properties.retryFor()))) {
                retry = true;
            } else {
                for (QueuedRecipient recipient : undecided) {
                    report.failed(recipient, temporary + " (gave up after " + attempts + " attempts over "
                            + human(properties.retryFor()) + ")");
                }
            }
        }
        String ticketDisplayId = email.ticketId() == null ? null
                : tickets.findById(email.ticketId()).map(Ticket::displayId).orElse(null);
        String lastFailure = null;
        for (SendReport.Outcome outcome : report.outcomes()) {
            queue.finishRecipient(email.id(), outcome.recipient().sortOrder(), outcome.state(), outcome.message());
            audit.record(entry(outcome.status(), outcome.message(), email, server, report, ticketDisplayId)
                    .email(email.messageId(), sender(server), outcome.recipient().address(), email.subject()));
            if (outcome.status() == AuditStatus.SEND_FAILED) {
                lastFailure = outcome.message();
            }
        }
        if (report.emptyRecipientList() != null) {
            lastFailure = report.emptyRecipientList();
            audit.record(entry(AuditStatus.SEND_FAILED, lastFailure, email, server, report, ticketDisplayId)
                    .email(email.messageId(), sender(server), null, email.subject()));
        }
        boolean held;
        if (retry) {
            Instant next = now.plus(properties.backoffAfter(attempts));
            long deferred = deferred(email, server, report, undecided, temporary, next, ticketDisplayId);
            held = queue.retryLater(email.id(), node, attempts, temporary, next, deferred);
        } else {
            held = queue.markDone(email.id(), node, attempts, lastFailure, now);
        }
        if (!held) {
            throw new ClaimLost(email.id());
        }
    }

    /**
     * The email's SEND_DEFERRED entry: the first failure of a run writes it, later ones count on it (and add the step
     * when the failure changed) and move its message on to the next attempt. Returns its id.
     */
    private long deferred(QueuedEmail email, OutgoingServer server, SendReport report, List<QueuedRecipient> undecided,
            String failure, Instant next, String ticketDisplayId) {
        String message = AuditMessages.sendDeferred(failure, NEXT_ATTEMPT.format(next));
        TraceStep step = new TraceStep("attempt", "deferred", failure);
        Long existing = email.deferredAuditId();
        if (existing != null && audit.repeat(existing, step, message)) {
            return existing;
        }
        String recipients = undecided.stream().map(QueuedRecipient::address).collect(Collectors.joining(", "));
        return audit.record(entry(AuditStatus.SEND_DEFERRED, message, email, server, report, ticketDisplayId)
                .step(step.stage(), step.verdict(), step.detail())
                .email(email.messageId(), sender(server), recipients, email.subject()));
    }

    private static NewAuditEntry entry(AuditStatus status, String message, QueuedEmail email, OutgoingServer server,
            SendReport report, String ticketDisplayId) {
        return NewAuditEntry.of(status)
                .message(message)
                .server(server == null ? null : server.id(), server == null ? null : server.name())
                .ticket(email.ticketId(), ticketDisplayId)
                .trace(report.trace());
    }

    private static String sender(OutgoingServer server) {
        return server == null ? null : server.settings().fromAddress();
    }

    static String human(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return duration.toHours() + " h";
        }
        if (duration.toMinutes() > 0 && duration.toSecondsPart() == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
