package dev.mailroom.tickets;

import java.time.Instant;
import java.util.List;

/**
 * Which tickets a list shows; null or empty means "any". {@code subjectContains} ignores case;
 * {@code createdFrom} is inclusive, {@code createdTo} exclusive; {@code hasAttachments} true or false keeps only the
 * tickets with (or without) an attachment.
 */
public record TicketFilter(List<TicketStatus> statuses, TicketPriority priority, String requesterEmail, Long groupId,
        Long categoryId, TicketSource source, String subjectContains, Instant createdFrom, Instant createdTo,
        Boolean hasAttachments) {

    public TicketFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static TicketFilter all() {
        return new TicketFilter(List.of(), null, null, null, null, null, null, null, null, null);
    }

    public TicketFilter statuses(TicketStatus... values) {
        return new TicketFilter(List.of(values), priority, requesterEmail, groupId, categoryId, source, subjectContains,
                createdFrom, createdTo, hasAttachments);
    }

    public TicketFilter priority(TicketPriority value) {
        return new TicketFilter(statuses, value, requesterEmail, groupId, categoryId, source, subjectContains,
                createdFrom, createdTo, hasAttachments);
    }

    public TicketFilter requester(String email) {
        return new TicketFilter(statuses, priority, email, groupId, categoryId, source, subjectContains, createdFrom,
                createdTo, hasAttachments);
    }

    public TicketFilter group(Long id) {
        return new TicketFilter(statuses, priority, requesterEmail, id, categoryId, source, subjectContains,
                createdFrom, createdTo, hasAttachments);
    }

    public TicketFilter category(Long id) {
        return new TicketFilter(statuses, priority, requesterEmail, groupId, id, source, subjectContains, createdFrom,
                createdTo, hasAttachments);
    }

    public TicketFilter source(TicketSource value) {
        return new TicketFilter(statuses, priority, requesterEmail, groupId, categoryId, value, subjectContains,
                createdFrom, createdTo, hasAttachments);
    }

    public TicketFilter subjectContains(String text) {
        return new TicketFilter(statuses, priority, requesterEmail, groupId, categoryId, source, text, createdFrom,
                createdTo, hasAttachments);
    }

    public TicketFilter createdBetween(Instant from, Instant to) {
        return new TicketFilter(statuses, priority, requesterEmail, groupId, categoryId, source, subjectContains, from,
                to, hasAttachments);
    }

    public TicketFilter hasAttachments(Boolean value) {
        return new TicketFilter(statuses, priority, requesterEmail, groupId, categoryId, source, subjectContains,
                createdFrom, createdTo, value);
    }
}
