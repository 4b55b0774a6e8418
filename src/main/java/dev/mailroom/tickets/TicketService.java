package dev.mailroom.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupRepository;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.users.DeskUser;
import dev.mailroom.users.UserRepository;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.NotFoundException;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/**
 * Tickets and their conversations, for the REST API and for the email intake alike. Input that breaks a rule is
 * refused with a {@link BadRequestException} naming the field; an unknown ticket with a {@link NotFoundException}.
 */
@Service
public class TicketService {

    static final int MAX_SUBJECT_LENGTH = 1000;

    private final TicketRepository tickets;
    private final ConversationRepository conversations;
    private final AttachmentRepository attachments;
    private final TicketNumbers numbers;
    private final TicketPrefixes prefixes;
    private final UserRepository users;
    private final LookupRepository lookups;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    TicketService(TicketRepository tickets, ConversationRepository conversations, AttachmentRepository attachments,
            TicketNumbers numbers, TicketPrefixes prefixes, UserRepository users, LookupRepository lookups,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.attachments = attachments;
        this.numbers = numbers;
        this.prefixes = prefixes;
        this.users = users;
        this.lookups = lookups;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Opens a ticket: requester found or created as a guest, HTML sanitized, attachments recorded, {@link TicketCreated}
     * published. Everything is checked before a number is taken, and the number is taken before this method's own
     * transaction starts, so a plain call holds one pooled connection at a time. Inside a caller's transaction the
     * ticket joins it; the number is still taken and committed separately (see {@link TicketNumbers}).
     */
    public Ticket create(NewTicket request) {
        TicketSource source = Objects.requireNonNull(request.source(), "source");
        String subject = checkedSubject(request.subject());
        String requesterEmail = checkedEmail(request.requesterEmail());
        String prefix = prefixes.choose(request.prefix());
        checkLookups(request.groupId(), request.categoryId());
        SanitizedBody description = SanitizedBody.of(request.descriptionText(), request.descriptionHtml());
        String messageId = MessageIds.normalize(request.messageId());
        List<NewAttachment> files = request.attachments().stream().map(NewAttachment::cleaned).toList();

        long number = numbers.next(prefix);
        return transaction.execute(status -> {
            DeskUser requester = users.findOrCreateGuest(requesterEmail, blankToNull(request.requesterName()));
            Instant now = SqlTime.now();
            Ticket ticket = tickets.insert(new Ticket(0, new DisplayId(prefix, number).toString(), prefix, number,
                    subject, description.text(), description.html(), requester.id(), TicketStatus.OPEN,
                    request.priority() == null ? TicketPriority.MEDIUM : request.priority(), request.groupId(),
                    request.categoryId(), source, request.incomingServerId(), messageId, now, now, null, null));
            files.forEach(file -> attachments.insert(ticket.id(), null, file, now));
            events.publishEvent(new TicketCreated(ticket.id(), ticket.displayId(), source,
                    blankToNull(request.automaticMail())));
            return ticket;
        });
    }

    /**
     * Changes what is set in {@code changes}; status changes stamp or clear resolved/closed times. Entering RESOLVED
     * publishes {@link TicketResolved} inside this transaction.
     */
    @Transactional
    public Ticket update(long ticketId, TicketChanges changes) {
        if (changes.subject() != null) {
            checkedSubject(changes.subject());
        }
        checkLookups(changes.groupId(), changes.categoryId());
        Ticket current = tickets.findByIdForUpdate(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
        Ticket updated = current.with(changes, SqlTime.now());
        tickets.update(updated);
        if (updated.status() == TicketStatus.RESOLVED && current.status() != TicketStatus.RESOLVED) {
            events.publishEvent(new TicketResolved(updated.id(), updated.displayId()));
        }
        return updated;
    }

    /**
     * Adds an entry to the ticket's thread with its attachments. An OUTGOING reply without recipients is addressed to
     * the requester, and {@link TicketReplyAdded} is published for the outgoing feature to send it (the reply returned
     * carries the Message-ID a listener recorded for it in this transaction). Replies and notes
     * need a body; an incoming email may consist of attachments only.
     */
    @Transactional
    public Conversation addConversation(long ticketId, NewConversation request) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
        SanitizedBody body = SanitizedBody.of(request.bodyText(), request.bodyHtml());
        if (body.isEmpty() && request.direction() != ConversationDirection.INCOMING) {
            throw new BadRequestException("body", "must not be empty (give body or bodyHtml)");
        }
        List<String> to = request.to();
        if (request.direction() == ConversationDirection.OUTGOING && to.isEmpty()) {
            to = List.of(requesterOf(ticket).email());
        }
        Instant now = SqlTime.now();
        Conversation conversation = conversations.insert(new Conversation(0, ticketId, request.direction(),
                blankToNull(request.from()), to, request.cc(), MessageIds.normalize(request.messageId()), body.text(),
                body.html(), request.createdBy(), now));
        request.attachments().forEach(file -> attachments.insert(ticketId, conversation.id(), file.cleaned(), now));
        tickets.touch(ticketId, now);
        if (conversation.direction() == ConversationDirection.OUTGOING) {
            events.publishEvent(new TicketReplyAdded(ticketId, ticket.displayId(), conversation.id()));
            // A listener may have recorded the Message-ID the reply is emailed with.
            return conversations.findById(conversation.id()).orElseThrow();
        }
        return conversation;
    }

    /**
     * The outgoing feature calls this when it has emailed a reply, with the Message-ID it gave the email, so that
     * answers to it thread onto the ticket. A conversation keeps the first Message-ID it was given; returns false
     * if it already had one.
     */
    @Transactional
    public boolean recordMessageId(long conversationId, String messageId) {
        String normalized = MessageIds.normalize(messageId);
        if (normalized == null) {
            throw new BadRequestException("messageId", "must not be blank");
        }
        if (conversations.findById(conversationId).isEmpty()) {
            throw new NotFoundException("Conversation", conversationId);
        }
        return conversations.setMessageIdIfAbsent(conversationId, normalized);
    }

    public Optional<Ticket> findById(long id) {
        return tickets.findById(id);
    }

    /** By display id, ignoring the case of a configured prefix ({@code inc-7} finds INC-7). */
    public Optional<Ticket> findByDisplayId(String displayId) {
        return prefixes.parse(displayId).flatMap(parsed -> tickets.findByDisplayId(parsed.toString()));
    }

    /** By numeric id or by display id, as a URL or a person names a ticket. */
    public Optional<Ticket> findByRef(String ref) {
        String trimmed = ref == null ? "" : ref.strip();
        if (trimmed.matches("\\d{1,18}")) {
            return findById(Long.parseLong(trimmed));
        }
        return findByDisplayId(trimmed);
    }

    /** Like {@link #findByRef} but a missing ticket is a {@link NotFoundException}. */
    public Ticket getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException("Ticket", ref));
    }

    /**
     * The ticket an email with this Message-ID belongs to: the one created from it, or the one holding a conversation
     * with it. Intake uses it for In-Reply-To / References threading and for spotting an email seen before.
     */
    public Optional<Ticket> findByMessageId(String messageId) {
        String normalized = MessageIds.normalize(messageId);
        if (normalized == null) {
            return Optional.empty();
        }
        return tickets.findByMessageId(normalized)
                .or(() -> conversations.findByMessageId(normalized).flatMap(c -> tickets.findById(c.ticketId())));
    }

    public Optional<Conversation> findConversationByMessageId(String messageId) {
        String normalized = MessageIds.normalize(messageId);
        return normalized == null ? Optional.empty() : conversations.findByMessageId(normalized);
    }

    /** Oldest first. */
    public List<Conversation> conversations(long ticketId) {
        return conversations.findByTicket(ticketId);
    }

    public Optional<TicketRow> findRow(long ticketId) {
        return tickets.findRow(ticketId);
    }

    /** Newest first. */
    public PageResponse<TicketRow> search(TicketFilter filter, PageRequest page) {
        return PageResponse.of(tickets.search(filter, page), page, tickets.count(filter));
    }

    public DeskUser requesterOf(Ticket ticket) {
        return users.findById(ticket.requesterId()).orElseThrow();
    }

    private void checkLookups(Long groupId, Long categoryId) {
        if (groupId != null && lookups.findById(LookupKind.TECHNICIAN_GROUP, groupId).isEmpty()) {
            throw new BadRequestException("groupId", LookupKind.TECHNICIAN_GROUP.label() + " " + groupId + " does not exist");
        }
        if (categoryId != null && lookups.findById(LookupKind.CATEGORY, categoryId).isEmpty()) {
            throw new BadRequestException("categoryId", LookupKind.CATEGORY.label() + " " + categoryId + " does not exist");
        }
    }

    private static String checkedSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new BadRequestException("subject", "must not be blank");
        }
        String stripped = subject.strip();
        if (stripped.length() > MAX_SUBJECT_LENGTH) {
            throw new BadRequestException("subject", "must be at most " + MAX_SUBJECT_LENGTH + " characters");
        }
        return stripped;
    }

    private static String checkedEmail(String email) {
        if (email == null || email.isBlank() || !email.contains("@")) {
            throw new BadRequestException("requesterEmail", "must be an email address");
        }
        return email.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
