/**
 * Tickets with their conversations and attachments (stored, or pending while a worker stores them), numbers per
 * display-id prefix ({@code INC-7}), searches, {@code /api/tickets}, and the events {@code TicketCreated},
 * {@code TicketReplyAdded} and {@code TicketResolved}; one service for the REST API and the email intake alike. Imports
 * the base, {@code storage}, {@code users} and {@code lookups}; never the flow or the edges.
 */
package dev.mailroom.tickets;
