/**
 * Fetching: one db-scheduler poll per mailbox that stores each new message (raw bytes in the blob store, the
 * {@code spool} row, the RECEIVED audit entry and the mailbox position in one commit) before the after-processing
 * action; the IMAP, POP3 and Microsoft Graph mailbox clients; IDLE watchers on the mailboxes whose lease this node
 * holds; each mailbox's status. It reads its parent's server configuration, and the parent never imports it. Imports
 * kernels, {@code graph} and {@code oauth}; never {@code intake} or an edge package.
 */
package dev.mailroom.incoming.fetch;
