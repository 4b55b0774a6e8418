/**
 * Incoming Email Servers: the mailboxes Mailroom fetches from, their settings (protocol, folder, after-processing,
 * sender filter, ticket defaults), the password encrypted, the {@code MailConnection} built for a poll or a test,
 * {@code /api/incoming-servers} with Test Connection, and the servers as the OAuth feature sees them. Of the flow
 * packages it imports only {@code outgoing} (a mailbox's outgoing server); {@code intake} imports it, so it must never
 * import {@code intake}, nor an edge package.
 */
package dev.mailroom.incoming;
