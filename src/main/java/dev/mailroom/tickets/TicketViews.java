package dev.mailroom.tickets;

import java.time.Instant;
import java.util.List;

/** What the tickets API returns. Requester, group and category come with their names so a list needs no lookups. */
final class TicketViews {

    private TicketViews() {
    }

    record PersonView(long id, String email, String name) {
    }

    record NamedView(long id, String name) {
        static NamedView of(Long id, String name) {
            return id == null ? null : new NamedView(id, name);
        }
    }

    record TicketSummaryView(long id, String displayId, String subject, TicketStatus status, TicketPriority priority,
            TicketSource source, PersonView requester, NamedView group, NamedView category, Instant createdAt,
            Instant updatedAt, Instant resolvedAt, Instant closedAt) {

        static TicketSummaryView of(TicketRow row) {
            Ticket t = row.ticket();
            return new TicketSummaryView(t.id(), t.displayId(), t.subject(), t.status(), t.priority(), t.source(),
                    new PersonView(t.requesterId(), row.requesterEmail(), row.requesterName()),
                    NamedView.of(t.groupId(), row.groupName()), NamedView.of(t.categoryId(), row.categoryName()),
                    t.createdAt(), t.updatedAt(), t.resolvedAt(), t.closedAt());
        }
    }

    record TicketView(long id, String displayId, String subject, String description, String descriptionHtml,
            TicketStatus status, TicketPriority priority, TicketSource source, Long incomingServerId, String messageId,
            PersonView requester, NamedView group, NamedView category, Instant createdAt, Instant updatedAt,
            Instant resolvedAt, Instant closedAt, List<ConversationView> conversations,
            List<AttachmentView> attachments) {

        static TicketView of(TicketRow row, List<Conversation> conversations, List<Attachment> attachments) {
            Ticket t = row.ticket();
            return new TicketView(t.id(), t.displayId(), t.subject(), t.descriptionText(), t.descriptionHtml(),
                    t.status(), t.priority(), t.source(), t.incomingServerId(), t.messageId(),
                    new PersonView(t.requesterId(), row.requesterEmail(), row.requesterName()),
                    NamedView.of(t.groupId(), row.groupName()), NamedView.of(t.categoryId(), row.categoryName()),
                    t.createdAt(), t.updatedAt(), t.resolvedAt(), t.closedAt(),
                    conversations.stream().map(ConversationView::of).toList(),
                    attachments.stream().map(AttachmentView::of).toList());
        }
    }

    record ConversationView(long id, ConversationDirection direction, String from, List<String> to, List<String> cc,
            String messageId, String body, String bodyHtml, String createdBy, Instant createdAt) {

        static ConversationView of(Conversation c) {
            return new ConversationView(c.id(), c.direction(), c.from(), c.to(), c.cc(), c.messageId(), c.bodyText(),
                    c.bodyHtml(), c.createdBy(), c.createdAt());
        }
    }

    /**
     * {@code state}: STORED (downloadable), PENDING (a large email attachment, stored moments after the ticket) or
     * FAILED; {@code error} says why the last attempt to store it failed, or for FAILED why it never will be.
     */
    record AttachmentView(long id, Long conversationId, String fileName, String contentType, long size,
            String contentId, AttachmentState state, String error, Instant createdAt, String downloadPath) {

        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.conversationId(), a.fileName(), a.contentType(), a.sizeBytes(),
                    a.contentId(), a.state(), a.state() == AttachmentState.STORED ? null : a.lastError(), a.createdAt(),
                    downloadPath(a));
        }

        static String downloadPath(Attachment a) {
            return "/api/tickets/" + a.ticketId() + "/attachments/" + a.id();
        }
    }
}
