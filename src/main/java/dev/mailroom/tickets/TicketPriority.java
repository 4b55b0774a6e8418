package dev.mailroom.tickets;

public enum TicketPriority {
    LOW, MEDIUM, HIGH, URGENT
}
