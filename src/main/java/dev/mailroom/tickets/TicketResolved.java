package dev.mailroom.tickets;

/**
 * A ticket's status became RESOLVED. Published inside the transaction that changed it, so a listener with
 * {@code @EventListener} (the resolved notification) writes in the same transaction.
 */
public record TicketResolved(long ticketId, String displayId) {
}
