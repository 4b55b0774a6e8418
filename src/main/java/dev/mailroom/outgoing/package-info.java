/**
 * Outgoing Email Servers: the SMTP or Microsoft Graph servers notifications go out through, their settings, filter and
 * default, which server sends for which mailbox, whether it can send and how its last send went (ready, failing,
 * cannot send), the password encrypted, the {@code SmtpConnection} built for a send or
 * a test, {@code /api/outgoing-servers}, and the servers as the OAuth feature sees them. The subpackages hold the
 * outbox, the sender, the recipient gate and Test Connection. It imports no other flow package: {@code incoming},
 * {@code intake} and {@code notifications} import it, so it must never import them.
 */
package dev.mailroom.outgoing;
