package dev.mailroom.tickets;

import java.time.Instant;

/**
 * A request raised with the desk. {@code displayId} ({@code INC-7}) is what people quote in subjects and on the phone;
 * {@code id} is the database key.
 */
public record Ticket(long id, String displayId, String prefix, long number, String subject, String descriptionText,
        String descriptionHtml, long requesterId, TicketStatus status, TicketPriority priority, Long groupId,
        Long categoryId, TicketSource source, Long incomingServerId, String messageId, Instant createdAt,
        Instant updatedAt, Instant resolvedAt, Instant closedAt) {

    /**
     * This ticket moved to {@code next}. Entering RESOLVED stamps {@code resolvedAt}; entering CLOSED stamps
     * {@code closedAt} (and {@code resolvedAt} if it was never resolved, since a closed ticket is done);
     * reopening clears both. Staying in the same status changes nothing.
     */
    public Ticket withStatus(TicketStatus next, Instant now) {
        if (next == status) {
            return this;
        }
        Instant resolved = switch (next) {
            case OPEN, IN_PROGRESS -> null;
            case RESOLVED -> now;
            case CLOSED -> resolvedAt == null ? now : resolvedAt;
        };
        Instant closed = next == TicketStatus.CLOSED ? now : null;
        return new Ticket(id, displayId, prefix, number, subject, descriptionText, descriptionHtml, requesterId, next,
                priority, groupId, categoryId, source, incomingServerId, messageId, createdAt, now, resolved, closed);
    }

    public Ticket with(TicketChanges changes, Instant now) {
        Ticket changed = changes.status() == null ? this : withStatus(changes.status(), now);
        return new Ticket(id, displayId, prefix, number,
                changes.subject() == null ? subject : changes.subject().strip(),
                descriptionText, descriptionHtml, requesterId, changed.status(),
                changes.priority() == null ? priority : changes.priority(),
                changes.groupId() == null ? groupId : changes.groupId(),
                changes.categoryId() == null ? categoryId : changes.categoryId(),
                source, incomingServerId, messageId, createdAt, now, changed.resolvedAt(), changed.closedAt());
    }
}
