/**
 * The Incoming Email Servers screens: the list with each mailbox's fetching state, the server form with provider
 * presets, and Test Connection of a saved or unsaved server. Uses the parent's shared parts, {@code incoming},
 * {@code incoming.fetch} (statuses), {@code connectiontest}, {@code oauth}, {@code lookups} and {@code outgoing};
 * nothing imports it.
 */
package dev.mailroom.console.incoming;
