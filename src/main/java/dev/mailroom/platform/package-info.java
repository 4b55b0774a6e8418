/**
 * The base every package may use: where Mailroom keeps its files ({@code mailroom.data-dir}, the H2 URL derived from
 * it), its mail identity (Message-ID domain, notification header, EHLO name), instants across JDBC, text clipping and
 * byte sizes for messages, daemon threads, draining a database queue in batches, the local host name, Jakarta Mail's
 * stream provider pinned at start, and the startup report. Imports no other Mailroom package.
 */
package dev.mailroom.platform;
