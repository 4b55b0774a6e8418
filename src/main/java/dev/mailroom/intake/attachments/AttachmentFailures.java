package dev.mailroom.intake.attachments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.intake.InboundAuditEntries;
import dev.mailroom.platform.ByteSizes;
import dev.mailroom.platform.Texts;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.tickets.Attachment;
import dev.mailroom.tickets.AttachmentService;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;

/**
 * Gives up on a PENDING attachment: marks it FAILED and writes one ATTACHMENT_PROCESSED_FAILED audit entry naming the
 * file and the reason, together, so there is never one without the other. The ticket stays as it is.
 */
@Component
class AttachmentFailures {

    private static final Logger log = LoggerFactory.getLogger(AttachmentFailures.class);

    private final AttachmentService attachments;
    private final TicketService tickets;
    private final InboundEmailRepository inbound;
    private final InboundAuditEntries auditEntries;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    AttachmentFailures(AttachmentService attachments, TicketService tickets, InboundEmailRepository inbound,
            InboundAuditEntries auditEntries, AuditLog audit, TransactionTemplate transaction) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.inbound = inbound;
        this.auditEntries = auditEntries;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** {@code reason} completes "could not be stored: …" in plain words; {@code attempt} counts this one. */
    void record(Attachment attachment, int attempt, String reason) {
        String message = AuditMessages.attachmentNotStored(attachment.fileName(),
                ByteSizes.words(attachment.sizeBytes()), reason);
        boolean recorded = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!attachments.markFailed(attachment.id(), reason)) {
                return false;
            }
            audit.record(entryFor(attachment)
                    .message(Texts.clip(message, 2000))
                    .step("attachment", "failed", "attachment #" + attachment.id() + where(attachment) + ", on attempt "
                            + attempt + ": " + reason));
            return true;
        }));
        if (recorded) {
            log.warn("Attachment {} of ticket {}: {}", attachment.id(), attachment.ticketId(), message);
        }
    }

    private static String where(Attachment attachment) {
        return attachment.source() == null ? "" : ", MIME part " + attachment.source().partNumber()
                + " of inbound email #" + attachment.source().inboundEmailId();
    }

    private NewAuditEntry entryFor(Attachment attachment) {
        InboundEmail email = attachment.source() == null ? null
                : inbound.findById(attachment.source().inboundEmailId()).orElse(null);
        NewAuditEntry entry = email == null ? NewAuditEntry.of(AuditStatus.ATTACHMENT_PROCESSED_FAILED)
                : auditEntries.about(email, AuditStatus.ATTACHMENT_PROCESSED_FAILED, email.subject());
        Ticket ticket = tickets.findById(attachment.ticketId()).orElseThrow();
        return entry.ticket(ticket.id(), ticket.displayId());
    }
}
