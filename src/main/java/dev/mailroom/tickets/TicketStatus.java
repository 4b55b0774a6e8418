package dev.mailroom.tickets;

/** Where a ticket is in its life. RESOLVED and CLOSED stamp the ticket; going back to work clears the stamps. */
public enum TicketStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED;

    public boolean finished() {
        return this == RESOLVED || this == CLOSED;
    }
}
