package dev.mailroom.intake.stage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.intake.parse.MailKind;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.intake.parse.RecipientStatus;
import dev.mailroom.outgoing.outbox.SentNotification;
import dev.mailroom.outgoing.outbox.SentNotifications;
import dev.mailroom.outgoing.recipients.UndeliverableAddresses;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.NewAttachment;
import dev.mailroom.tickets.NewConversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.threading.ThreadIds;

/**
 * A bounce of one of our notifications becomes a note on the ticket whose notification bounced, found through the
 * returned message's Message-ID, never a new ticket; each recipient it failed for gets a SEND_FAILED entry in the
 * Email Audit, where the admin looks for "why did the requester not get our mail"; a permanent failure marks the
 * address undeliverable, so notifications stop going there (SEND_IGNORED) until an admin releases it. Bounces of
 * anything else pass on (the automated-mail stage ends them).
 */
@Component
public class BounceStage implements IntakeStage {

    static final String CREATED_BY = "mail delivery report";

    private final SentNotifications notifications;
    private final ThreadIds threadIds;
    private final TicketService tickets;
    private final AuditLog audit;
    private final UndeliverableAddresses undeliverable;

    BounceStage(SentNotifications notifications, ThreadIds threadIds, TicketService tickets, AuditLog audit,
            UndeliverableAddresses undeliverable) {
        this.notifications = notifications;
        this.threadIds = threadIds;
        this.tickets = tickets;
        this.audit = audit;
        this.undeliverable = undeliverable;
    }

    @Override
    public String name() {
        return "bounce";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        ParsedEmail email = context.email();
        if (email.signals().kind() != MailKind.BOUNCE) {
            return StageResult.pass("not a delivery failure report");
        }
        List<String> ids = candidateIds(email);
        Optional<Bounced> bounced = ids.stream().map(this::find).flatMap(Optional::stream).findFirst();
        if (bounced.isEmpty()) {
            return StageResult.pass("a bounce, but none of the Message-IDs it names is mail we sent"
                    + (ids.isEmpty() ? " (it names none)" : ": " + String.join(", ", ids)));
        }
        Ticket ticket = bounced.get().ticket();
        List<RecipientStatus> failures = email.deliveryReport().failures();
        String summary = summary(bounced.get(), failures);
        if (context.dryRun()) {
            return StageResult.processed(ticket.id(), ticket.displayId(),
                    "Delivery failure report would be added to " + ticket.displayId() + " as a note", summary);
        }
        tickets.addConversation(ticket.id(), note(email, bounced.get(), failures, EmailAttachments.of(context)));
        failures.forEach(failure -> recordFailure(context, bounced.get(), failure));
        failures.stream().filter(RecipientStatus::permanentFailure)
                .forEach(failure -> undeliverable.suppress(failure.address(), "undeliverable: " + failure.describe()));
        return StageResult.processed(ticket.id(), ticket.displayId(),
                "Delivery failure report added to " + ticket.displayId() + " as a note", summary);
    }

    /** The returned message's ids first (the surest), then what the bounce itself says it answers. */
    private static List<String> candidateIds(ParsedEmail email) {
        Set<String> ids = new LinkedHashSet<>(email.deliveryReport().returnedMessageIds());
        ids.addAll(email.referencedIds());
        return List.copyOf(ids);
    }

    private Optional<Bounced> find(String messageId) {
        Optional<SentNotification> sent = notifications.findByMessageId(messageId);
        if (sent.isPresent() && sent.get().ticketId() != null) {
            return tickets.findById(sent.get().ticketId())
                    .map(ticket -> new Bounced(ticket, messageId, sent.get().subject(), sent.get().outgoingServerId()));
        }
        var reading = threadIds.read(messageId);
        if (reading.signed()) {
            return tickets.findByDisplayId(reading.displayId()).map(ticket -> new Bounced(ticket, messageId, null, null));
        }
        return tickets.findConversationByMessageId(messageId)
                .filter(conversation -> conversation.direction() == ConversationDirection.OUTGOING)
                .flatMap(conversation -> tickets.findById(conversation.ticketId()))
                .map(ticket -> new Bounced(ticket, messageId, null, null));
    }

    private static String summary(Bounced bounced, List<RecipientStatus> failures) {
        String what = "our email " + bounced.messageId() + (bounced.subject() == null ? "" : " (\"" + bounced.subject() + "\")")
                + " to " + bounced.ticket().displayId();
        if (failures.isEmpty()) {
            return what + " bounced; the report names no recipient";
        }
        return what + " bounced for " + String.join("; ", failures.stream().map(RecipientStatus::describe).toList());
    }

    private static NewConversation note(ParsedEmail email, Bounced bounced, List<RecipientStatus> failures,
            List<NewAttachment> files) {
        List<String> lines = new ArrayList<>();
        lines.add("Delivery failed: a mail server returned our email"
                + (bounced.subject() == null ? "" : " \"" + bounced.subject() + "\"") + " (" + bounced.messageId() + ").");
        failures.forEach(failure -> lines.add("- " + failure.describe()));
        email.addresses().author().map(EmailAddress::address).ifPresent(from -> lines.add("Reported by " + from + "."));
        if (!email.body().text().isBlank()) {
            lines.add("");
            lines.add(email.body().text());
        }
        return new NewConversation(ConversationDirection.NOTE, null, List.of(), List.of(), null,
                String.join("\n", lines), null, CREATED_BY, files);
    }

    private void recordFailure(IntakeContext context, Bounced bounced, RecipientStatus failure) {
        audit.record(NewAuditEntry.of(AuditStatus.SEND_FAILED)
                .message("Bounced by the recipient's mail server: " + failure.describe())
                .email(bounced.messageId(), null, failure.address(), bounced.subject())
                .ticket(bounced.ticket().id(), bounced.ticket().displayId())
                .step("bounce", AuditStatus.SEND_FAILED.name(), "reported by the delivery failure report "
                        + context.inbound().messageId() + (failure.permanentFailure() ? " (permanent)" : "")));
    }

    private record Bounced(Ticket ticket, String messageId, String subject, Long outgoingServerId) {
    }
}
