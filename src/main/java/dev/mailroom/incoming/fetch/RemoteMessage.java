package dev.mailroom.incoming.fetch;

/**
 * A message on the mail server, identified in a way that survives reconnects: IMAP {@code <uidvalidity>:<uid>},
 * POP3 the UIDL. {@code position} orders messages (the IMAP UID; the POP3 message number).
 */
public record RemoteMessage(String remoteKey, long position, long size) {
}
