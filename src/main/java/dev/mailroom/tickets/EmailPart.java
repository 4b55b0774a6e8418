package dev.mailroom.tickets;

/**
 * Where the bytes of a PENDING attachment are: a MIME part (numbered IMAP-style, e.g. {@code 2.1}) of a stored
 * inbound email.
 */
public record EmailPart(long inboundEmailId, String partNumber) {
}
