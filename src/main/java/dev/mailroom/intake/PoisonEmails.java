package dev.mailroom.intake;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.spool.InboundState;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/**
 * Poison messages: the emails the intake could not finish (state FAILED, audited PROCESSED FAILED). An admin retries
 * one ({@link IntakeReruns#reprocess}) once the cause is gone, or discards it: it is never judged again, keeps its
 * audit entries and raw email, and, still stored, is not fetched again.
 */
@Service
public class PoisonEmails {

    private static final Set<InboundState> DISCARDABLE = EnumSet.of(InboundState.FAILED, InboundState.IGNORED);

    private final InboundEmailRepository inbound;
    private final AuditLog audit;
    private final InboundAuditEntries auditEntries;

    PoisonEmails(InboundEmailRepository inbound, AuditLog audit, InboundAuditEntries auditEntries) {
        this.inbound = inbound;
        this.audit = audit;
        this.auditEntries = auditEntries;
    }

    public PageResponse<PoisonEmail> list(PageRequest page) {
        List<InboundEmail> emails = inbound.inState(InboundState.FAILED, page);
        Map<Long, AuditEntry> latest = audit.latestAbout(emails.stream().map(InboundEmail::id).toList());
        long total = page.page() == 0 && emails.size() < page.size() ? emails.size() : inbound.countInState(InboundState.FAILED);
        return PageResponse.of(emails.stream().map(email -> describe(email, latest.get(email.id()))).toList(), page, total);
    }

    public InboundEmail get(long inboundId) {
        return inbound.findById(inboundId).orElseThrow(() -> new NotFoundException("Inbound email", inboundId));
    }

    /** Sets a failed (or ignored) email aside for good, with a DISCARDED audit entry naming who did it. */
    @Transactional
    public void discard(long inboundId, String discardedBy) {
        InboundEmail email = get(inboundId);
        if (!DISCARDABLE.contains(email.state()) || !inbound.moveState(inboundId, email.state(), InboundState.DISCARDED)) {
            throw new ConflictException("state", "Email " + inboundId + " is " + email.state()
                    + "; only FAILED or IGNORED emails are discarded");
        }
        audit.record(auditEntries.about(email, AuditStatus.DISCARDED, email.subject())
                .message(AuditMessages.EMAIL_DISCARDED)
                .step("discard", "discarded", "discarded by " + discardedBy + " while " + email.state()
                        + "; the raw email and its audit entries are kept"));
    }

    private static PoisonEmail describe(InboundEmail email, AuditEntry entry) {
        String reason = entry == null || entry.trace().isEmpty() ? null : entry.trace().get(entry.trace().size() - 1).detail();
        return new PoisonEmail(email.id(), email.serverId(), entry == null ? null : entry.serverName(), email.sender(),
                entry == null || entry.subject() == null ? email.subject() : entry.subject(), email.messageId(),
                email.receivedAt(), entry == null ? null : entry.id(), entry == null ? null : entry.message(), reason);
    }
}
