package dev.mailroom.tickets;

/**
 * A technician's reply (an OUTGOING conversation) was recorded and is waiting to be emailed. Published inside the
 * recording transaction: the outgoing feature listens with {@code @TransactionalEventListener} (after commit) to
 * send it, or with {@code @EventListener} to put it into its outbox in the same transaction.
 */
public record TicketReplyAdded(long ticketId, String displayId, long conversationId) {
}
