package dev.mailroom.intake.loops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.outgoing.recipients.LoopQuarantines;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;
import dev.mailroom.platform.Counts;

/**
 * Puts senders and ticket threads into quarantine and lets them out again, each time with one audit entry (not one
 * per email: the emails ignored meanwhile have their own entries).
 */
@Service
public class Quarantines implements LoopQuarantines {

    private final QuarantineRepository repository;
    private final MailVolume volume;
    private final AuditLog audit;
    private final IncomingServerRepository servers;

    Quarantines(QuarantineRepository repository, MailVolume volume, AuditLog audit, IncomingServerRepository servers) {
        this.repository = repository;
        this.volume = volume;
        this.audit = audit;
        this.servers = servers;
    }

    public List<Quarantine> active() {
        return repository.active();
    }

    /**
     * The active quarantine that stops mail to {@code address} about the ticket, if any: the address quarantined as a
     * sender (on {@code serverId}, or on any mailbox when the ticket came through none), or the ticket's thread.
     */
    public Optional<Quarantine> quarantining(String address, Long serverId, long ticketId) {
        return repository.activeForSenderOrThread(address, ticketId).stream()
                .filter(q -> q.kind() == QuarantineKind.THREAD || serverId == null || serverId.equals(q.serverId()))
                .findFirst();
    }

    @Override
    public Optional<Hold> holding(String recipient, Long incomingServerId, long ticketId) {
        return quarantining(recipient, incomingServerId, ticketId)
                .map(q -> new Hold(q.id(), q.kind() == QuarantineKind.THREAD));
    }

    Optional<Quarantine> activeFor(QuarantineSubject subject) {
        return repository.findActive(subject);
    }

    Optional<Instant> lastRelease(QuarantineSubject subject) {
        return repository.lastRelease(subject);
    }

    /** Quarantines the subject in the caller's transaction (the intake's), so it stands or falls with the email. */
    Quarantine quarantine(QuarantineSubject subject, int emailCount, LoopProperties limit, long inboundEmailId) {
        Quarantine quarantine = repository.insert(subject, SqlTime.now(), emailCount, limit, inboundEmailId);
        audit.record(entry(AuditStatus.LOOP_QUARANTINED, quarantine)
                .message(messageFor(subject.kind()))
                .step("loop-breaker", "quarantined", emailCount + " emails " + subject.preposition() + " within "
                        + Durations.words(limit.window()) + ", over the limit of " + limit.maxEmails() + " (the last one email #"
                        + inboundEmailId + "); its mail is ignored from " + quarantine.since()
                        + " until an admin releases quarantine #" + quarantine.id()));
        return quarantine;
    }

    @Transactional
    public Quarantine release(long id, String releasedBy) {
        Quarantine quarantine = repository.findById(id).orElseThrow(() -> new NotFoundException("Quarantine", id));
        Instant now = SqlTime.now();
        if (!repository.release(id, now, releasedBy)) {
            throw new ConflictException("releasedAt", "Quarantine " + id + " was already released at "
                    + quarantine.releasedAt() + " by " + quarantine.releasedBy());
        }
        long arrivedMeanwhile = volume.count(quarantine.subject(), quarantine.since(), Long.MAX_VALUE);
        audit.record(entry(AuditStatus.LOOP_RELEASED, quarantine)
                .message(AuditMessages.QUARANTINE_RELEASED)
                .step("quarantine", "released", quarantine.subject().describe() + " released by " + releasedBy
                        + " after quarantine #" + id + " since " + quarantine.since() + "; " + Counts.of(arrivedMeanwhile, "email")
                        + " arrived meanwhile and were ignored (reprocess them to make their tickets or replies); "
                        + "counting starts again at " + now));
        return repository.findById(id).orElseThrow();
    }

    static String messageFor(QuarantineKind kind) {
        return switch (kind) {
            case SENDER -> AuditMessages.SENDER_QUARANTINED;
            case THREAD -> AuditMessages.THREAD_QUARANTINED;
        };
    }

    private NewAuditEntry entry(AuditStatus status, Quarantine quarantine) {
        String serverName = quarantine.serverId() == null ? null
                : servers.findById(quarantine.serverId()).map(IncomingServer::name).orElse(null);
        return NewAuditEntry.of(status)
                .server(quarantine.serverId(), serverName)
                .email(null, quarantine.sender(), null, null)
                .ticket(quarantine.ticketId(), quarantine.ticketDisplayId());
    }
}
