package dev.mailroom.transport;

/** How an outgoing server hands emails over: SMTP, or Microsoft Graph's sendMail (Microsoft 365 over HTTPS). */
public enum OutgoingTransport {
    SMTP,
    /** {@code POST /users/{mailbox}/sendMail} with the MIME message, signed in with the server's OAuth 2.0 token. */
    GRAPH
}
