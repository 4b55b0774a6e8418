package dev.mailroom.tickets;

/** How a ticket came in: from a mailbox by the intake, or through the REST API. */
public enum TicketSource {
    EMAIL, API
}
