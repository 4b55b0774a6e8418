/**
 * The Email Audit: {@code AuditLog} records and searches what happened to every email and mailbox connection (status,
 * message, trace, raw email), with the FAQ's messages word for word ({@code AuditMessages}), the retention purge, the
 * raw email download and {@code /api/audit}. Every feature reports here. A kernel: imports only the base and
 * {@code storage}, never a feature.
 */
package dev.mailroom.audit;
