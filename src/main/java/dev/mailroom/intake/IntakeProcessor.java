package dev.mailroom.intake;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.TraceStep;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.intake.parse.EmailParser;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.intake.preference.EmailPreference;
import dev.mailroom.intake.preference.EmailPreferenceRepository;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.spool.InboundState;
import dev.mailroom.storage.BlobStore;

/**
 * Takes one stored email through the pipeline and records where it ended: the final audit entry (status, FAQ
 * message, trace, ticket) and the inbound email's state, in the same transaction as the ticket or reply. An unexpected
 * error rolls all of that back and ends the email as "Getting error while creating Request / Conversation".
 */
@Service
public class IntakeProcessor {

    private static final Logger log = LoggerFactory.getLogger(IntakeProcessor.class);

    private final InboundEmailRepository inbound;
    private final IncomingServerRepository servers;
    private final EmailPreferenceRepository preferences;
    private final EmailParser parser;
    private final BlobStore blobs;
    private final IntakePipeline pipeline;
    private final AuditLog audit;
    private final InboundAuditEntries auditEntries;
    private final TransactionTemplate transaction;

    IntakeProcessor(InboundEmailRepository inbound, IncomingServerRepository servers,
            EmailPreferenceRepository preferences, EmailParser parser, BlobStore blobs, IntakePipeline pipeline,
            AuditLog audit, InboundAuditEntries auditEntries, TransactionTemplate transaction) {
        this.inbound = inbound;
        this.servers = servers;
        this.preferences = preferences;
        this.parser = parser;
        this.blobs = blobs;
        this.pipeline = pipeline;
        this.audit = audit;
        this.auditEntries = auditEntries;
        this.transaction = transaction;
    }

    /** Judges a RECEIVED email and records the outcome. */
    public IntakeOutcome process(InboundEmail email) {
        return judge(email, false, InboundState.RECEIVED);
    }

    /**
     * Judges an email (in any state) under the current configuration. A dry run changes nothing; otherwise the new
     * outcome is recorded like a first one.
     */
    public IntakeOutcome judge(InboundEmail email, boolean dryRun, InboundState expectedState) {
        IncomingServer server = servers.findById(email.serverId()).orElse(null);
        return decide(prepare(email, server, preferences.current()), dryRun, expectedState);
    }

    /**
     * The first half of judging, which touches no table: the raw email parsed, with the configuration it will be
     * judged under. Safe to run on several emails at once, ahead of {@link #decide}.
     */
    PreparedEmail prepare(InboundEmail email, IncomingServer server, EmailPreference preference) {
        List<TraceStep> preface = preface(server, preference);
        try {
            ParsedEmail parsed = parse(email);
            if (!parsed.parseProblems().isEmpty()) {
                preface.add(new TraceStep("parse", "read with problems", String.join("; ", parsed.parseProblems())));
            }
            return new PreparedEmail(email, server, preference, parsed, preface);
        } catch (IOException | RuntimeException e) {
            preface.add(new TraceStep("parse", "error", summarize(e)));
            return new PreparedEmail(email, server, preference, null, preface);
        }
    }

    /** An email whose parse was given up after {@code limit}: it ends PROCESSED_FAILED, saying so in its trace. */
    PreparedEmail parseTimedOut(InboundEmail email, IncomingServer server, EmailPreference preference, Duration limit) {
        List<TraceStep> preface = preface(server, preference);
        preface.add(new TraceStep("parse", "timed out", "reading this email took longer than the limit of "
                + limit.toSeconds() + " s (mailroom.intake.parse-timeout), so it was given up and the emails after it"
                + " went on; the raw email is kept for download and Reprocess"));
        return new PreparedEmail(email, server, preference, null, preface);
    }

    private List<TraceStep> preface(IncomingServer server, EmailPreference preference) {
        List<TraceStep> preface = new ArrayList<>();
        preface.add(new TraceStep("configuration", "judged under", describe(server, preference)));
        return preface;
    }

    /** The second half: the stages in one transaction, and the outcome recorded unless this is a dry run. */
    IntakeOutcome decide(PreparedEmail prepared, boolean dryRun, InboundState expectedState) {
        InboundEmail email = prepared.email();
        ParsedEmail parsed = prepared.parsed();
        if (parsed == null) {
            return finish(prepared, new IntakeOutcome(AuditStatus.PROCESSED_FAILED,
                    AuditMessages.ERROR_CREATING_REQUEST, null, null, prepared.preface()), dryRun, expectedState);
        }
        IntakeContext context = new IntakeContext(email, parsed, prepared.server(), prepared.preference(), dryRun);
        try {
            return transaction.execute(status -> {
                if (!dryRun && !inbound.lockIn(email.id(), expectedState)) {
                    throw new EmailNoLongerWaiting(email.id(), expectedState);
                }
                IntakeOutcome outcome = pipeline.run(context, prepared.preface());
                if (dryRun) {
                    status.setRollbackOnly();
                    return outcome;
                }
                record(prepared, outcome, expectedState);
                return outcome;
            });
        } catch (EmailNoLongerWaiting e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Intake of email {} ({}) failed: {}", email.id(), email.messageId(), e.toString());
            List<TraceStep> trace = new ArrayList<>(prepared.preface());
            trace.add(new TraceStep("error", "rolled back", summarize(e)));
            return finish(prepared, new IntakeOutcome(AuditStatus.PROCESSED_FAILED,
                    AuditMessages.ERROR_CREATING_REQUEST, null, null, trace), dryRun, expectedState);
        }
    }

    private IntakeOutcome finish(PreparedEmail prepared, IntakeOutcome outcome, boolean dryRun,
            InboundState expectedState) {
        if (!dryRun) {
            transaction.executeWithoutResult(status -> record(prepared, outcome, expectedState));
        }
        return outcome;
    }

    private void record(PreparedEmail prepared, IntakeOutcome outcome, InboundState expectedState) {
        InboundEmail email = prepared.email();
        if (!inbound.moveState(email.id(), expectedState, stateOf(outcome.status()))) {
            throw new EmailNoLongerWaiting(email.id(), expectedState);
        }
        String subject = prepared.parsed() == null ? email.subject() : prepared.parsed().subject();
        audit.record(auditEntries.about(email, prepared.server(), outcome.status(), subject)
                .message(outcome.message())
                .ticket(outcome.ticketId(), outcome.ticketDisplayId())
                .trace(outcome.trace()));
    }

    private ParsedEmail parse(InboundEmail email) throws IOException {
        try (InputStream raw = blobs.open(email.rawBlobKey())
                .orElseThrow(() -> new IOException("the raw email " + email.rawBlobKey() + " is missing from the blob store"))) {
            return parser.parse(raw);
        }
    }

    static InboundState stateOf(AuditStatus status) {
        return switch (status) {
            case PROCESSED -> InboundState.PROCESSED;
            case RECEIVED_IGNORED -> InboundState.IGNORED;
            default -> InboundState.FAILED;
        };
    }

    private static String describe(IncomingServer server, EmailPreference preference) {
        String serverPart = server == null ? "no incoming server's settings apply (none chosen, or it was deleted)"
                : "server '" + server.name() + "' as saved " + server.updatedAt();
        return "Email Preference version " + preference.version() + " (guest ticket creation "
                + onOff(preference.guestTicketCreation()) + ", use Reply-To " + onOff(preference.useReplyToAddress())
                + ", Email-to-Request " + onOff(preference.emailToRequest()) + "); " + serverPart;
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    private static String summarize(Throwable e) {
        StringBuilder summary = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            summary.append(": ").append(e.getMessage());
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            summary.append(" (caused by ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                summary.append(": ").append(cause.getMessage());
            }
            summary.append(')');
        }
        return summary.toString();
    }
}
