/**
 * The outbox: emails queued in the caller's transaction ({@code Outbox.enqueue}) with their kind, recipients and
 * attachments, found again by Message-ID ({@code SentNotifications}, for bounces), and {@code /api/outbox} for admins.
 * It does not import its parent; the sender, notifications and the intake use it. Imports only the base and
 * {@code tickets}; never another flow package or an edge package.
 */
package dev.mailroom.outgoing.outbox;
