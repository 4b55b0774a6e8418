package dev.mailroom.notifications;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.outgoing.recipients.RecipientGate;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.threading.ThreadIds;

/**
 * Puts one notification about a ticket into the outbox, in the caller's transaction: renders the template in force,
 * leaves out each recipient the {@link RecipientGate} refuses (with a SEND_IGNORED audit entry saying why), and gives the
 * email a signed Message-ID and the thread's In-Reply-To/References. Returns the Message-ID if anything was queued.
 */
@Component
class TicketNotifier {

    private static final Logger log = LoggerFactory.getLogger(TicketNotifier.class);

    private final NotificationTemplates templates;
    private final DefaultTemplates defaults;
    private final RecipientGate recipientGate;
    private final ThreadHistory history;
    private final ThreadIds threadIds;
    private final Outbox outbox;
    private final AuditLog audit;

    TicketNotifier(NotificationTemplates templates, DefaultTemplates defaults, RecipientGate recipientGate,
            ThreadHistory history, ThreadIds threadIds, Outbox outbox, AuditLog audit) {
        this.templates = templates;
        this.defaults = defaults;
        this.recipientGate = recipientGate;
        this.history = history;
        this.threadIds = threadIds;
        this.outbox = outbox;
        this.audit = audit;
    }

    Optional<String> notify(NotificationKind kind, Ticket ticket, List<OutboundRecipient> recipients,
            Optional<Conversation> reply, List<Long> attachmentIds) {
        NotificationTemplate template = templates.get(kind);
        if (!template.enabled()) {
            log.debug("No {} for {}: its template is disabled", kind.words(), ticket.displayId());
            return Optional.empty();
        }
        RenderedNotification content = render(template, ticket, reply);
        String messageId = threadIds.generate(ticket.displayId());
        List<OutboundRecipient> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OutboundRecipient recipient : recipients) {
            if (!seen.add(recipient.address().strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Optional<String> reason = recipientGate.beforeQueueing(ticket, recipient.address(), kind.automatic());
            if (reason.isPresent()) {
                recordSuppressed(kind, ticket, recipient.address(), messageId, content.subject(), reason.get());
            } else {
                kept.add(recipient);
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        ThreadHistory.Threading threading = history.of(ticket);
        outbox.enqueue(new NewOutboundEmail(kind.outbound(), ticket.id(), reply.map(Conversation::id).orElse(null),
                ticket.incomingServerId(), null, kept, messageId, threading.inReplyTo(), threading.references(),
                content.subject(), content.bodyText(), content.bodyHtml(), attachmentIds));
        return Optional.of(messageId);
    }

    /** A stored override that no longer renders must not cost the ticket change: the shipped default stands in. */
    private RenderedNotification render(NotificationTemplate template, Ticket ticket, Optional<Conversation> reply) {
        try {
            return templates.render(template, ticket, reply);
        } catch (TemplateSyntaxException e) {
            log.warn("The {} template does not render ({}: {}); {} gets the default", template.kind().words(),
                    e.field(), e.getMessage(), ticket.displayId());
            return templates.render(defaults.of(template.kind()), ticket, reply);
        }
    }

    private void recordSuppressed(NotificationKind kind, Ticket ticket, String recipient, String messageId,
            String subject, String reason) {
        audit.record(NewAuditEntry.of(AuditStatus.SEND_IGNORED)
                .message(reason + "; " + kind.words() + " not sent")
                .email(messageId, null, recipient, subject)
                .ticket(ticket.id(), ticket.displayId())
                .step("notification", "suppressed", "the " + kind.words() + " about " + ticket.displayId()
                        + " was not queued for " + recipient + ": " + reason));
    }
}
