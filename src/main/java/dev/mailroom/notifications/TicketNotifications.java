package dev.mailroom.notifications;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.recipients.AutomaticOrigins;
import dev.mailroom.tickets.Attachment;
import dev.mailroom.tickets.AttachmentService;
import dev.mailroom.tickets.AttachmentState;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketCreated;
import dev.mailroom.tickets.TicketReplyAdded;
import dev.mailroom.tickets.TicketResolved;
import dev.mailroom.tickets.TicketService;

/**
 * What is sent to whom when a ticket changes. Plain {@code @EventListener}s: they run inside the transaction of the
 * change, so a notification is in the outbox exactly when its ticket change committed.
 */
@Component
class TicketNotifications {

    private final TicketService tickets;
    private final AttachmentService attachments;
    private final AutomaticOrigins automaticOrigins;
    private final TicketNotifier notifier;

    TicketNotifications(TicketService tickets, AttachmentService attachments, AutomaticOrigins automaticOrigins,
            TicketNotifier notifier) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.automaticOrigins = automaticOrigins;
        this.notifier = notifier;
    }

    /** A new ticket, from email or the API: the acknowledgment to the requester. */
    @EventListener
    void acknowledge(TicketCreated created) {
        if (created.automaticMail() != null) {
            automaticOrigins.record(created.ticketId(), created.automaticMail());
        }
        Ticket ticket = ticket(created.ticketId());
        notifier.notify(NotificationKind.ACKNOWLEDGMENT, ticket, toRequester(ticket), Optional.empty(), List.of());
    }

    /**
     * A technician's reply: to the conversation's To and Cc (To defaults to the requester) with the reply's
     * attachments. Its Message-ID is recorded on the conversation so that answers to it thread onto the ticket.
     */
    @EventListener
    void sendReply(TicketReplyAdded added) {
        Ticket ticket = ticket(added.ticketId());
        Conversation reply = tickets.conversations(ticket.id()).stream().filter(c -> c.id() == added.conversationId())
                .findFirst().orElseThrow();
        List<OutboundRecipient> recipients = Stream.concat(reply.to().stream().map(OutboundRecipient::to),
                reply.cc().stream().map(OutboundRecipient::cc)).toList();
        List<Long> files = attachments.list(ticket.id()).stream()
                .filter(a -> Long.valueOf(reply.id()).equals(a.conversationId()) && a.state() != AttachmentState.FAILED)
                .map(Attachment::id).toList();
        notifier.notify(NotificationKind.TECHNICIAN_REPLY, ticket, recipients, Optional.of(reply), files)
                .ifPresent(messageId -> tickets.recordMessageId(reply.id(), messageId));
    }

    @EventListener
    void announceResolved(TicketResolved resolved) {
        Ticket ticket = ticket(resolved.ticketId());
        notifier.notify(NotificationKind.TICKET_RESOLVED, ticket, toRequester(ticket), Optional.empty(), List.of());
    }

    private Ticket ticket(long id) {
        return tickets.findById(id).orElseThrow();
    }

    private List<OutboundRecipient> toRequester(Ticket ticket) {
        return List.of(OutboundRecipient.to(tickets.requesterOf(ticket).email()));
    }
}
