package dev.mailroom.tickets;

/**
 * Published inside the transaction that creates a ticket. Listen with {@code @TransactionalEventListener} to act
 * after the ticket is committed (an acknowledgment email, for instance), or with {@code @EventListener} to write
 * something in the same transaction.
 *
 * <p>{@code automaticMail} is set when the ticket was made from automatic mail (see {@link NewTicket}).
 */
public record TicketCreated(long ticketId, String displayId, TicketSource source, String automaticMail) {
}
