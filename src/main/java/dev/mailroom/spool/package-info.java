/**
 * The inbound email table, the hand-off between fetching and the intake: each fetched email's mailbox, remote key,
 * header summary, raw blob and state ({@code InboundState}), written by {@code incoming.fetch} and read and moved on by
 * the intake; {@code InboundEmailsStored} announces new rows. A kernel: imports only the base and {@code storage},
 * never a feature.
 */
package dev.mailroom.spool;
