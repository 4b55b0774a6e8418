/**
 * The sender: a db-scheduler task takes due outbox emails, claims each for this node, composes the MIME message, hands
 * it over SMTP connections side by side or through Graph's sendMail, and records each recipient SENT, SEND_FAILED or
 * SEND_IGNORED with an audit entry, retrying temporary failures with a backoff (audited at once as SEND_DEFERRED, one
 * entry per email and run of failures) and storing each server's last send outcome. It uses the parent's servers and
 * connections, the outbox and the recipient gate. Imports kernels, {@code graph} and {@code tickets}; never
 * {@code incoming}, {@code intake}, {@code notifications} or an edge package.
 */
package dev.mailroom.outgoing.sending;
