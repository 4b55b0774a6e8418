/**
 * The Outgoing Email Servers screens: the list with whether each server can send, the server form with SMTP presets,
 * deleting, and Test Connection with an optional test email. Uses the parent's shared parts, {@code outgoing},
 * {@code outgoing.connectiontest} and {@code oauth}; nothing imports it.
 */
package dev.mailroom.console.outgoing;
