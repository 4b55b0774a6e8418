package dev.mailroom.tickets;

/** A partial update of a ticket: null leaves a field as it is. */
public record TicketChanges(String subject, TicketStatus status, TicketPriority priority, Long groupId, Long categoryId) {

    public static TicketChanges status(TicketStatus status) {
        return new TicketChanges(null, status, null, null, null);
    }
}
