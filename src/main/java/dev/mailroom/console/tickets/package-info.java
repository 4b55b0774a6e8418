/**
 * The Tickets screens for technicians and admins: the filtered list, one ticket with its conversation, attachments and
 * inline images, the reply or note box with files, and the status. Uses the parent's shared parts, {@code tickets},
 * {@code lookups} and {@code storage}; nothing imports it.
 */
package dev.mailroom.console.tickets;
