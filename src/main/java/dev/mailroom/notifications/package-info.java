/**
 * Notifications about tickets (acknowledgment, technician reply, resolved): listeners of the ticket events render the
 * editable Mustache templates, give the email a signed Message-ID and thread headers, leave out whom the recipient gate
 * refuses and queue it in the outbox in the ticket's transaction; also OAuth warnings mailed to admins and
 * {@code /api/notification-templates}. Of the flow it imports only {@code outgoing}; never an edge package.
 */
package dev.mailroom.notifications;
