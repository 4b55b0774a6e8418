package dev.mailroom.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketPrefixes;
import dev.mailroom.tickets.TicketPriority;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketSource;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.users.DeskUser;
import dev.mailroom.users.UserKind;
import dev.mailroom.users.UserStatus;

/**
 * The templates in force (an admin's override, or the shipped default), their editing, and rendering them for a
 * ticket. A template is checked when saved by rendering it against a sample ticket, so a syntax error or an unknown
 * field is refused then rather than when a notification is due.
 */
@Service
public class NotificationTemplates {

    private final NotificationTemplateRepository repository;
    private final DefaultTemplates defaults;
    private final TemplateRenderer renderer;
    private final TemplateFields fields;
    private final TicketService tickets;
    private final TicketPrefixes prefixes;

    NotificationTemplates(NotificationTemplateRepository repository, DefaultTemplates defaults, TemplateRenderer renderer,
            TemplateFields fields, TicketService tickets, TicketPrefixes prefixes) {
        this.repository = repository;
        this.defaults = defaults;
        this.renderer = renderer;
        this.fields = fields;
        this.tickets = tickets;
        this.prefixes = prefixes;
    }

    public List<NotificationTemplate> list() {
        return Arrays.stream(NotificationKind.values()).map(this::get).toList();
    }

    public NotificationTemplate get(NotificationKind kind) {
        return repository.find(kind).orElseGet(() -> defaults.of(kind));
    }

    /** Checks and stores an override; returns it rendered against a sample ticket (to tell about the reference). */
    @Transactional
    public RenderedNotification save(NotificationKind kind, boolean enabled, String subject, String bodyText,
            String bodyHtml, String updatedBy) {
        NotificationTemplate template = new NotificationTemplate(kind, enabled, subject, bodyText, bodyHtml, true, null,
                updatedBy);
        RenderedNotification sample = renderSample(template);
        repository.save(template, SqlTime.now(), updatedBy);
        return sample;
    }

    @Transactional
    public NotificationTemplate reset(NotificationKind kind) {
        repository.delete(kind);
        return defaults.of(kind);
    }

    /** Renders the template in force for a ticket; a technician reply previews the ticket's latest reply, if any. */
    public RenderedNotification preview(NotificationKind kind, Ticket ticket) {
        Optional<Conversation> reply = kind == NotificationKind.TECHNICIAN_REPLY
                ? tickets.conversations(ticket.id()).stream()
                        .filter(c -> c.direction() == ConversationDirection.OUTGOING).reduce((a, b) -> b)
                : Optional.empty();
        return render(get(kind), ticket, reply);
    }

    RenderedNotification render(NotificationTemplate template, Ticket ticket, Optional<Conversation> reply) {
        return renderer.render(template, fields.of(ticket, tickets.requesterOf(ticket), reply), ticket.displayId(),
                ticket.prefix());
    }

    private RenderedNotification renderSample(NotificationTemplate template) {
        Instant now = SqlTime.now();
        String prefix = prefixes.defaultPrefix();
        Ticket ticket = new Ticket(0, prefix + "1", prefix, 1, "Sample subject", "Sample description", null, 0,
                TicketStatus.OPEN, TicketPriority.MEDIUM, null, null, TicketSource.EMAIL, null, null, now, now, null, null);
        DeskUser requester = new DeskUser(0, "requester@example.com", "Sample Requester", UserKind.REQUESTER,
                UserStatus.ACTIVE, true, now, now);
        Conversation reply = new Conversation(0, 0, ConversationDirection.OUTGOING, null, List.of(), List.of(), null,
                "Sample reply", "<p>Sample reply</p>", "technician", now);
        return renderer.render(template, fields.of(ticket, requester, Optional.of(reply)), ticket.displayId(), prefix);
    }
}
