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
    /** An out-of-office or other automatic reply. */
    AUTO_REPLY,
    /** Mailing-list or bulk mail. */
    LIST_OR_BULK,
    /** Nothing suggests a machine sent it. */
    PERSONAL
}
