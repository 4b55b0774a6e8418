/**
 * The Email Audit screens: the filtered list with its volume chart, one entry with its trace and raw email, and
 * Reprocess of one email or of a whole filter with its progress. Uses the parent's shared parts, {@code audit},
 * {@code intake} (reprocessing) and the servers of {@code incoming} and {@code outgoing}; nothing imports it.
 */
package dev.mailroom.console.audit;
