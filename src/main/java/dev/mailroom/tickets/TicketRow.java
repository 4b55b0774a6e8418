package dev.mailroom.tickets;

/** A ticket with the names of its requester, group and category, as lists and detail views show it. */
public record TicketRow(Ticket ticket, String requesterEmail, String requesterName, String groupName,
        String categoryName) {
}
