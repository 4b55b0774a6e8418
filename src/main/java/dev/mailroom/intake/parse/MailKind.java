package dev.mailroom.intake.parse;

/** The single most telling classification of a message, for stages that only need one answer. */
public enum MailKind {
    /** A delivery failure report (non-delivery). */
    BOUNCE,
    /** A report that delivery is delayed and still being retried. */
    DELAY_WARNING,
    /** A report of successful delivery, relay or expansion. */
    DELIVERY_REPORT,
    /** A read receipt (message disposition notification). */
    READ_RECEIPT,
    /** An abuse or spam complaint (ARF feedback report). */
    FEEDBACK_REPORT,
    /**
     * A challenge-response system's request that the sender prove to be a person (click a link, reply, join a
     * whitelist) before the message is let through: the message itself was delivered to a filter, not bounced.
     */
    CHALLENGE_RESPONSE,
    /** An out-of-office or other automatic reply. */
    AUTO_REPLY,
    /** Mailing-list or bulk mail. */
    LIST_OR_BULK,
    /** Nothing suggests a machine sent it. */
    PERSONAL
}
