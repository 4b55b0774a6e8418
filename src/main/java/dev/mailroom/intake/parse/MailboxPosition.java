package dev.mailroom.intake.parse;

/** Where a desk mailbox appears among a message's recipients. */
public enum MailboxPosition {
    /** Named in To. */
    TO,
    /** Named in Cc (and not in To). */
    CC,
    /** Named in neither To nor Cc, but the delivery headers show it was delivered here: a Bcc copy. */
    BCC,
    /** Not named anywhere; e.g. forwarded by a server-side rule or an alias the headers do not reveal. */
    NOT_NAMED
}
